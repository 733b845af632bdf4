package dburl

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
)

// mask replaces a secret in messages.
const mask = "xxxxx"

// secretParam matches name=value pairs whose name says they hold a secret,
// in a URL's query or a key=value DSN: password, sslpassword, pass, pwd,
// secret, token, and names ending in them.
var secretParam = regexp.MustCompile(`(?i)\b([a-z_]*(?:password|passwd|pass|pwd|secret|token))(\s*=\s*)('[^']*'|"[^"]*"|[^&\s;]*)`)

// Redact hides the password (and any password-like parameter) of a
// database URL or DSN, for messages. It works on text that does not parse
// as a URL too: the user part before the last '@' of the authority loses
// what follows its first ':'.
func Redact(raw string) string {
	out := raw
	u, err := url.Parse(raw)
	switch {
	case err == nil && u.User != nil:
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), mask)
			out = u.String()
		}
	case err != nil || !strings.Contains(raw, "://"):
		out = redactUserinfo(raw)
	}
	return secretParam.ReplaceAllString(out, "${1}${2}"+mask)
}

// redactUserinfo masks the password of text shaped like
// scheme://user:password@host/... or user:password@host/... that
// net/url refused.
func redactUserinfo(raw string) string {
	prefix, rest := "", raw
	if i := strings.Index(raw, "://"); i >= 0 {
		prefix, rest = raw[:i+3], raw[i+3:]
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return raw
	}
	user, pass, ok := strings.Cut(rest[:at], ":")
	if !ok || pass == "" {
		return raw
	}
	return prefix + user + ":" + mask + rest[at:]
}

// password returns the password raw holds, if it parses and has one.
func password(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}

// redactedError is an error whose text no longer holds a password; Unwrap
// still reaches the driver's error.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// scrub returns err with every occurrence of the URL's password, and of
// password-like parameters, masked in its text: a driver may echo the DSN
// it was given.
func scrub(raw string, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if p := password(raw); p != "" {
		msg = strings.ReplaceAll(msg, p, mask)
		if q := url.QueryEscape(p); q != p {
			msg = strings.ReplaceAll(msg, q, mask)
		}
	}
	msg = secretParam.ReplaceAllString(msg, "${1}${2}"+mask)
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg, err: err}
}

// parseURL is url.Parse without the URL in its error: a *url.Error quotes
// the whole text, password included.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		return nil, ue.Err
	}
	return u, err
}
