package dev.shophealth.fact;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much a merchant's text says, not how long it is: an "other" reason's explanation or what was said to the
 * buyer. Each distinct Chinese, Japanese or Korean character counts {@code cjkWeight} units (one character carries
 * about a word's meaning), each distinct other word its letters and digits (at most {@link #MAX_WORD} — a run of
 * random keys is no explanation). Repeated characters ("aaaa", "哈哈哈"), repeated words, filler words and
 * particles count nothing, nor do spaces and punctuation.
 */
final class TextContent {

    /** Letters of one word that count at most. */
    static final int MAX_WORD = 10;
    /** Words and particles that carry no information about a cancellation. */
    static final Set<String> FILLER = Set.of("a", "an", "the", "and", "or", "to", "of", "in", "on", "for", "is", "are",
            "was", "it", "this", "that", "be", "please", "ok", "okay", "pls", "xx", "xxx", "test", "asdf", "na", "n",
            "other", "reason", "etc", "some", "thing", "things", "stuff", "的", "了", "啊", "吧", "呢", "嗯", "哦", "呀",
            "哈", "吗", "嘛", "其", "他", "等", "之", "就", "是", "在", "和");

    private TextContent() {
    }

    /** The information units of {@code text} (0 for null). */
    static int of(String text, int cjkWeight) {
        if (text == null) {
            return 0;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Set<Integer> cjk = new HashSet<>();
        Set<String> words = new HashSet<>();
        StringBuilder word = new StringBuilder();
        int previous = -1;
        for (int i = 0; i < t.length(); i += Character.charCount(t.codePointAt(i))) {
            int c = t.codePointAt(i);
            boolean repeat = c == previous;
            previous = c;
            if (isCjk(c)) {
                end(word, words);
                if (!FILLER.contains(new String(Character.toChars(c)))) {
                    cjk.add(c);
                }
            } else if (Character.isLetterOrDigit(c)) {
                if (!repeat) {
                    word.appendCodePoint(c);
                }
            } else {
                end(word, words);
            }
        }
        end(word, words);
        int units = cjk.size() * cjkWeight;
        for (String w : words) {
            units += Math.min(MAX_WORD, w.length());
        }
        return units;
    }

    private static void end(StringBuilder word, Set<String> words) {
        // a word of one repeated letter ("aaaa" → "a") says nothing
        if (word.length() > 1 && !FILLER.contains(word.toString())) {
            words.add(word.toString());
        }
        word.setLength(0);
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
