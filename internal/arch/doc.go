// Package arch holds the test that keeps retort's package imports pointing
// the way DESIGN.md draws them. It has no code of its own.
package arch
