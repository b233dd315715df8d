package org.vigil.alerts;

/**
 * A travel advisory's level, as in the US State Department's advisories, and what it means in CAP terms.
 *
 * <p>CAP mapping (urgency / severity / certainty / responseType), chosen so that receivers that sort or filter on
 * CAP's fields rank the levels in order and only level 4 interrupts anyone:
 * <pre>
 * 1 Exercise normal precautions   Future    / Minor    / Possible / Monitor
 * 2 Exercise increased caution    Future    / Moderate / Possible / Monitor
 * 3 Reconsider travel             Expected  / Severe   / Likely   / Prepare
 * 4 Do not travel                 Immediate / Extreme  / Likely   / Avoid
 * </pre>
 * A cancellation says Past / Minor / Observed / AllClear whatever the level it ends.
 */
public enum Level {
    NORMAL(1, "Exercise normal precautions", "Future", "Minor", "Possible", "Monitor"),
    INCREASED_CAUTION(2, "Exercise increased caution", "Future", "Moderate", "Possible", "Monitor"),
    RECONSIDER(3, "Reconsider travel", "Expected", "Severe", "Likely", "Prepare"),
    DO_NOT_TRAVEL(4, "Do not travel", "Immediate", "Extreme", "Likely", "Avoid");

    private final int number;
    private final String label;
    private final String urgency;
    private final String severity;
    private final String certainty;
    private final String response;

    Level(int number, String label, String urgency, String severity, String certainty, String response) {
        this.number = number;
        this.label = label;
        this.urgency = urgency;
        this.severity = severity;
        this.certainty = certainty;
        this.response = response;
    }

    /** The level numbered 1 to 4. */
    public static Level of(int number) {
        for (Level l : values()) {
            if (l.number == number) {
                return l;
            }
        }
        throw new AlertRefusal("the advisory level must be 1 (" + NORMAL.label + ") to 4 (" + DO_NOT_TRAVEL.label
                + "), not " + number);
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public String urgency() {
        return urgency;
    }

    public String severity() {
        return severity;
    }

    public String certainty() {
        return certainty;
    }

    public String response() {
        return response;
    }
}
