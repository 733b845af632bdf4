// Package roundtrip holds retort's cross-package round-trip tests: models
// are loaded, compared with an empty database, applied through a dialect,
// reflected and compared again, on every dialect. It has no code of its own.
package roundtrip
