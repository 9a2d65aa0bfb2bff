// Whether a piece of text from outside is clean: no control characters, no lone surrogates. Shared by the
// HTTP schemas (src/http/text-fields.ts) and the source settings the pollers read (src/ingest/kinds/config.ts).

// C0 and C1 control characters; multi-line text keeps tab, line feed and carriage return. With the `u` flag,
// \p{Cs} matches only a lone surrogate (a pair is one code point), which SQLite would store as U+FFFD.
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
const CONTROL_IN_TEXT_OR_LONE_SURROGATE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/** True when `v` has no lone surrogate and no control character (but tab/newlines when `multiline`). */
export function isCleanText(v: string, multiline = false): boolean {
  return !(multiline ? CONTROL_IN_TEXT_OR_LONE_SURROGATE : CONTROL_OR_LONE_SURROGATE).test(v);
}

