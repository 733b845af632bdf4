// Package suggest finds the likely intended word for a misspelt one, for
// the "did you mean" of error messages: an unknown struct tag option, GORM
// or bun setting, field or column name, or CLI command.
//
// # What it may import
//
// The standard library only.
package suggest
