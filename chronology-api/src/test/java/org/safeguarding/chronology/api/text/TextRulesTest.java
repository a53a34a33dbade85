package org.safeguarding.chronology.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    private static final String BABY = "\uD83D\uDC76";

    @Test
    void lengthCountsCodePoints() {
        assertThat(TextRules.length(BABY.repeat(10_000))).isEqualTo(10_000);
        assertThat(TextRules.length("Child A")).isEqualTo(7);
    }

    @Test
    void textMayHoldTabLineFeedAndCarriageReturnButNoOtherC0Control() {
        assertThat(TextRules.textFault("Line one\r\n\tline two " + BABY + " \u202Eעברית\u0085\u007F")).isNull();
        assertThat(TextRules.textFault("a\u0000b")).startsWith("must not contain the control character U+0000 (NUL) "
                + "at character 2");
        assertThat(TextRules.textFault(BABY + "\u001F")).startsWith("must not contain the control character U+001F at "
                + "character 2");
    }

    @Test
    void anIdentifierHoldsNoControlCharacterAtAll() {
        assertThat(TextRules.identifierFault("child-a/E1")).isNull();
        assertThat(TextRules.identifierFault("POL\t1"))
                .isEqualTo("must not contain the control character U+0009 (tab) at character 4");
        assertThat(TextRules.identifierFault("POL-1\u007F"))
                .isEqualTo("must not contain the control character U+007F (delete) at character 6");
        assertThat(TextRules.identifierFault("POL-1\u0085")).startsWith("must not contain the control character U+0085");
    }

    @Test
    void neitherHoldsALoneSurrogate() {
        assertThat(TextRules.textFault("a\uD83Db")).isEqualTo("must not contain a lone surrogate (U+D83D at character "
                + "2), which is no Unicode character");
        assertThat(TextRules.identifierFault("\uDC76")).startsWith("must not contain a lone surrogate (U+DC76 at "
                + "character 1)");
        assertThat(TextRules.textFault("\uDC76\uD83D")).startsWith("must not contain a lone surrogate (U+DC76");
    }

    @Test
    void aQuotedValueIsPrintableAndShort() {
        assertThat(TextRules.quoted("say \"hi\"\u0000\uD800")).isEqualTo("\"say \\\"hi\\\"\\u0000\\uD800\"");
        assertThat(TextRules.quoted(BABY.repeat(50))).isEqualTo("\"" + BABY.repeat(40) + "\" (cut short: 50 characters)");
    }
}
