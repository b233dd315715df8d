package org.vigil.screen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chinese and Korean names in Latin letters: a one-syllable surname and a given name of one or two syllables,
 * written in pinyin or Wade–Giles (Deng Xiaoping, Teng Hsiao-p'ing), in Revised Romanization, McCune–Reischauer or
 * as people spell them (Kim Jeong-eun, Kim Chŏng-ŭn, Kim Jong-un). A name is taken for one when its script says so or
 * when its first or last part is a common Chinese or Korean surname and the other parts are short.
 */
final class EastAsian {

    /** Common Chinese (pinyin and Wade–Giles) and Korean surnames, as Latin spellings write them. */
    private static final Set<String> SURNAMES = Set.of(
            "wang", "li", "zhang", "chang", "liu", "chen", "chan", "yang", "huang", "hwang", "zhao", "chao", "wu",
            "zhou", "chou", "xu", "hsu", "sun", "ma", "zhu", "chu", "hu", "guo", "kuo", "he", "ho", "gao", "kao",
            "lin", "luo", "lo", "zheng", "cheng", "liang", "xie", "hsieh", "song", "sung", "tang", "han", "feng",
            "deng", "teng", "cao", "tsao", "peng", "zeng", "tseng", "xiao", "hsiao", "tian", "tien", "dong", "tung",
            "pan", "yuan", "cai", "tsai", "jiang", "chiang", "yu", "du", "tu", "ye", "yeh", "wei", "su", "lu",
            "ding", "ting", "shen", "ren", "jen", "yao", "cui", "tsui", "zhong", "chung", "tan", "fan", "fang",
            "shi", "shih", "liao", "zou", "tsou", "xiong", "hsiung", "jin", "chin", "hao", "kong", "kung", "bai",
            "pai", "mao", "qin", "meng", "xi", "hsi", "bo", "po", "kim", "gim", "lee", "yi", "rhee", "ri", "park",
            "pak", "bak", "choi", "choe", "chwe", "jung", "jeong", "chong", "kang", "gang", "cho", "jo", "yoon",
            "yun", "jang", "lim", "im", "rim", "shin", "sin", "oh", "seo", "suh", "kwon", "gwon", "ahn", "an", "ryu",
            "yoo", "hong", "jeon", "chon", "ko", "go", "moon", "mun", "son", "bae", "baek", "paek", "heo", "hur",
            "nam", "noh", "roh", "ha", "kwak", "gwak", "cha", "joo", "ju", "woo", "gu", "koo", "min", "na", "eom",
            "um", "chae", "won", "pyo", "byun", "pyon");

    /** How long a part other than the surname may be, for a name to be taken for Chinese or Korean. */
    private static final int GIVEN_NAME = 10;
    /** How long a syllable written apart may be (zhuang, hsiang, chuang). */
    private static final int SYLLABLE = 6;

    private EastAsian() {
    }

    /** Whether the first or last part is a Chinese or Korean surname and the others are short enough. */
    static boolean surnameIn(List<String> tokens) {
        if (tokens.size() < 2 || tokens.size() > 4) {
            return false;
        }
        int at = SURNAMES.contains(tokens.get(0)) ? 0 : SURNAMES.contains(tokens.get(tokens.size() - 1))
                ? tokens.size() - 1 : -1;
        if (at < 0) {
            return false;
        }
        int given = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (i != at) {
                given += tokens.get(i).length();
            }
        }
        return given <= GIVEN_NAME + 2 && tokens.stream().allMatch(t -> t.length() <= GIVEN_NAME);
    }

    /** Syllables of the given name written apart (Xiao Ming, Jong Un) joined into one word, as most spellings do. */
    static List<String> givenNameJoined(List<String> tokens) {
        if (tokens.size() < 3) {
            return tokens;
        }
        boolean surnameFirst = SURNAMES.contains(tokens.get(0)) || !SURNAMES.contains(tokens.get(tokens.size() - 1));
        List<String> given = surnameFirst ? tokens.subList(1, tokens.size()) : tokens.subList(0, tokens.size() - 1);
        if (given.stream().anyMatch(t -> t.length() > SYLLABLE)) {
            return tokens;
        }
        List<String> out = new ArrayList<>(2);
        String surname = surnameFirst ? tokens.get(0) : tokens.get(tokens.size() - 1);
        if (surnameFirst) {
            out.add(surname);
        }
        out.add(String.join("", given));
        if (!surnameFirst) {
            out.add(surname);
        }
        return out;
    }

    /**
     * A token as the romanizations agree on it: Wade–Giles hs as x, all affricates (zh, ch, j, q, ts, tz, z, c) as
     * one, voiced and voiceless stops as one (Deng, Teng; Gwon, Kwon; and so ng before a vowel, Seon-gwon), r as l (Ri, Li), and the vowels Revised
     * Romanization writes with two letters (eo, eu), McCune–Reischauer with a breve and people as they hear them
     * (Hyun, Hyeon; Sun, Seon; Hee, Hui) as one. Coarse on purpose: only parts of names taken for Chinese or Korean
     * are compared by it.
     */
    static String key(String token) {
        String t = token.replace("hs", "x").replace("ih", "i").replace("ieh", "ie").replace("ien", "ian")
                .replace("zh", "J").replace("ch", "J").replace("tz", "J").replace("ts", "J")
                .replace("sh", "s");
        t = t.replace('j', 'J').replace('q', 'J').replace('z', 'J').replace('c', 'J')
                .replace('g', 'k').replace('d', 't').replace('b', 'p').replace('r', 'l');
        t = t.replace("ee", "i").replace("ui", "i").replace("eo", "o").replace("eu", "o").replace('u', 'o')
                .replace("oo", "o").replace("wo", "o");
        return t;
    }
}
