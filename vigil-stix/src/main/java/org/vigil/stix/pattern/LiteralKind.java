package org.vigil.stix.pattern;

/**
 * The kinds of literal a STIX pattern can compare an object path with.
 */
enum LiteralKind {
    INTEGER("an integer"),
    FLOAT("a decimal number"),
    STRING("a string"),
    BOOLEAN("a boolean"),
    BINARY("a binary literal"),
    HEX("a hex literal"),
    TIMESTAMP("a timestamp"),
    SET("a set literal");

    private final String description;

    LiteralKind(String description) {
        this.description = description;
    }

    /** How a message names this kind, e.g. "an integer". */
    String description() {
        return description;
    }

    /** Integers and decimals are both numbers, so a set may hold a mix of them. */
    boolean sameFamilyAs(LiteralKind other) {
        return this == other || numeric() && other.numeric();
    }

    boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }

    /** The kind of a primitive literal token. */
    static LiteralKind of(int tokenType) {
        return switch (tokenType) {
            case StixPatternLexer.IntLiteral -> INTEGER;
            case StixPatternLexer.FloatLiteral -> FLOAT;
            case StixPatternLexer.StringLiteral -> STRING;
            case StixPatternLexer.BoolLiteral -> BOOLEAN;
            case StixPatternLexer.BinaryLiteral -> BINARY;
            case StixPatternLexer.HexLiteral -> HEX;
            case StixPatternLexer.TimestampLiteral -> TIMESTAMP;
            default -> throw new IllegalArgumentException("not a literal token type: " + tokenType);
        };
    }
}
