// Package docs holds the test that compiles the env.go examples of the
// README, so the documentation stays true. It has no code of its own.
package docs
