// Package ci holds check.sh, the commands retort's README runs in GitHub
// Actions and GitLab CI, and the test that runs the script against a real
// module on every configured dialect.
package ci
