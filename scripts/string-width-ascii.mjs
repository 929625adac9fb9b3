/**
 * The command line's help is laid out in columns by cliui, which measures every cell with
 * string-width: grapheme segmentation (Intl.Segmenter, whose first use loads ICU's break data), an
 * emoji test and an East Asian width lookup per character. For printable ASCII (every character
 * of callsim's help) each character is one grapheme one column wide, so the width is the length;
 * anything else goes to string-width itself. The build (scripts/bundle-cli.mjs) wraps the packages'
 * string-width with this; test/cli/start-up-bundle.test.ts holds the two equal.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** string-width, answering printable ASCII without segmenting it. */
export function asciiFirst(stringWidth) {
  return (text, options) => (typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text, options));
}
