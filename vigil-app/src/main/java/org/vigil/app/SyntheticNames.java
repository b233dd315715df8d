package org.vigil.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigil.screen.PersonOfInterest;

/**
 * Generated names for the screening benchmark: given names, patronymics and surnames from several traditions,
 * surnames built from syllables so that most are rare and a few are common, some persons with a Cyrillic alias,
 * and variants of listed names as sources write them (typos, swapped order, patronymic dropped, Cyrillic).
 */
final class SyntheticNames {

    static final int CYRILLIC_PERCENT = 20;

    private static final String[] GIVEN = {"Doku", "Shamil", "Aslan", "Ramzan", "Ruslan", "Movsar", "Zelimkhan",
            "Yuri", "Alexei", "Dmitry", "Sergei", "Nikolai", "Mikhail", "Ivan", "Oleg", "Igor", "Vladimir", "Andrei",
            "Magomed", "Akhmed", "Khasan", "Islam", "Ilyas", "Timur", "Anzor", "Elena", "Olga", "Tatyana", "Irina",
            "Mohammed", "Ahmad", "Omar", "Ali", "Hassan", "Yusuf", "Ibrahim", "Khalid", "Mustafa", "Karim", "Samir",
            "John", "Michael", "David", "Peter", "Thomas", "Anna", "Maria", "Sophie", "Jean", "Pierre", "Hans",
            "Klaus", "Giorgos", "Nikos", "Mehmet", "Ahmet", "Piotr", "Pavel", "Jose", "Luis"};
    private static final String[] ONSET = {"b", "v", "g", "d", "z", "k", "l", "m", "n", "p", "r", "s", "t", "kh",
            "sh", "ch", "ts", "zh", "f", "y"};
    private static final String[] VOWEL = {"a", "o", "u", "e", "i", "y"};
    private static final String[] ENDING = {"ov", "ev", "in", "enko", "sky", "ashvili", "idze", "yan", "oglu", "i",
            "er", "son", "ez", "ani", "uk"};
    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";

    final Random random;

    SyntheticNames(Random random) {
        this.random = random;
    }

    /** A person with a given name, sometimes a patronymic, a surname, and now and then a Cyrillic alias. */
    PersonOfInterest person(String id) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String surname = surname();
        String name = random.nextInt(4) == 0 ? given + " " + patronymic() + " " + surname : given + " " + surname;
        List<String> aliases = new ArrayList<>();
        if (random.nextInt(100) < CYRILLIC_PERCENT) {
            aliases.add(cyrillic(given + " " + surname));
        }
        return new PersonOfInterest(id, name, aliases, null, null);
    }

    /** A listed person's name as another source might write it. */
    String variantOf(PersonOfInterest p) {
        String[] parts = p.name().split(" ");
        String given = parts[0];
        String surname = parts[parts.length - 1];
        return switch (random.nextInt(4)) {
            case 0 -> surname + " " + given;
            case 1 -> given + " " + typo(surname);
            case 2 -> cyrillic(given + " " + surname);
            default -> given.toUpperCase() + " " + surname.toUpperCase();
        };
    }

    private String surname() {
        StringBuilder s = new StringBuilder();
        int syllables = 1 + random.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            s.append(ONSET[random.nextInt(ONSET.length)]).append(VOWEL[random.nextInt(VOWEL.length)]);
        }
        s.append(ENDING[random.nextInt(ENDING.length)]);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String patronymic() {
        return GIVEN[random.nextInt(25)] + "ovich";
    }

    private String typo(String s) {
        int i = 1 + random.nextInt(s.length() - 1);
        return s.substring(0, i) + LATIN.charAt(random.nextInt(LATIN.length())) + s.substring(i + 1);
    }

    /** A Latin name in Cyrillic letters, digraphs first, as a Russian source would write it. */
    static String cyrillic(String latin) {
        String s = latin.toLowerCase();
        String[][] map = {{"shch", "щ"}, {"kh", "х"}, {"sh", "ш"}, {"ch", "ч"}, {"ts", "ц"}, {"zh", "ж"},
                {"ya", "я"}, {"yu", "ю"}, {"a", "а"}, {"b", "б"}, {"v", "в"}, {"g", "г"}, {"d", "д"}, {"e", "е"},
                {"z", "з"}, {"i", "и"}, {"y", "ы"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"},
                {"p", "п"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"f", "ф"}, {"h", "х"}, {"c", "к"},
                {"j", "дж"}, {"w", "в"}, {"x", "кс"}, {"q", "к"}};
        for (String[] m : map) {
            s = s.replace(m[0], m[1]);
        }
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return out.toString();
    }
}
