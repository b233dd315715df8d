/*
 * STIX 2.1 Patterning grammar (STIX 2.1 section 9), written for Vigil.
 *
 * Precedence, tightest first: ( ) grouping, comparison AND, comparison OR,
 * [ ] observation, qualifiers, observation AND, observation OR, FOLLOWEDBY.
 * All binary operators are left associative.
 *
 * Operator chains are EBNF loops rather than left-recursive rules so that
 * long chains give flat parse trees: the checker walks them without deep
 * recursion. Nesting depth comes only from parentheses and brackets, which
 * Pattern caps before parsing.
 *
 * The grammar is deliberately lenient where a precise message helps more
 * than "mismatched input": qualifier operands, comparison operands, literal
 * contents, identifiers with hyphens in property position and sign or
 * leading zeros in numbers are accepted here and judged by PatternChecker.
 */
grammar StixPattern;

pattern
    : observationExpressions EOF
    ;

observationExpressions
    : observationOr (FOLLOWEDBY observationOr)*
    ;

observationOr
    : observationAnd (OR observationAnd)*
    ;

observationAnd
    : qualifiedObservation (AND qualifiedObservation)*
    ;

qualifiedObservation
    : observation qualifier*
    ;

observation
    : LBRACK comparisonExpression RBRACK        # bracketObservation
    | LPAREN observationExpressions RPAREN      # groupedObservation
    ;

qualifier
    : WITHIN literal SECONDS                    # withinQualifier
    | REPEATS literal TIMES                     # repeatsQualifier
    | START literal STOP literal                # startStopQualifier
    ;

comparisonExpression
    : comparisonAnd (OR comparisonAnd)*
    ;

comparisonAnd
    : propTest (AND propTest)*
    ;

propTest
    : objectPath NOT? comparisonOperator literal    # comparisonTest
    | NOT? EXISTS objectPath                        # existsTest
    | LPAREN comparisonExpression RPAREN            # groupedTest
    ;

comparisonOperator
    : EQ | NEQ | GT | LT | GE | LE
    | IN | LIKE | MATCHES | ISSUBSET | ISSUPERSET
    ;

objectPath
    : Identifier COLON pathComponent pathStep*
    ;

pathComponent
    : Identifier
    | StringLiteral
    ;

pathStep
    : DOT pathComponent                         # propertyStep
    | LBRACK (IntLiteral | ASTERISK) RBRACK     # indexStep
    ;

literal
    : setLiteral
    | primitiveLiteral
    ;

setLiteral
    : LPAREN (primitiveLiteral (COMMA primitiveLiteral)*)? RPAREN
    ;

primitiveLiteral
    : IntLiteral
    | FloatLiteral
    | StringLiteral
    | BoolLiteral
    | BinaryLiteral
    | HexLiteral
    | TimestampLiteral
    ;

// Keywords are case sensitive and uppercase; "and" lexes as an Identifier
// so that the error message can suggest the uppercase spelling.
AND        : 'AND' ;
OR         : 'OR' ;
NOT        : 'NOT' ;
FOLLOWEDBY : 'FOLLOWEDBY' ;
LIKE       : 'LIKE' ;
MATCHES    : 'MATCHES' ;
ISSUPERSET : 'ISSUPERSET' ;
ISSUBSET   : 'ISSUBSET' ;
EXISTS     : 'EXISTS' ;
IN         : 'IN' ;
WITHIN     : 'WITHIN' ;
SECONDS    : 'SECONDS' ;
REPEATS    : 'REPEATS' ;
TIMES      : 'TIMES' ;
START      : 'START' ;
STOP       : 'STOP' ;

BoolLiteral : 'true' | 'false' ;

// Prefixed literals take any content up to the next quote; the checker
// validates it so that a bad timestamp is reported as such.
TimestampLiteral : 't\'' ~[']* '\'' ;
BinaryLiteral    : 'b\'' ~[']* '\'' ;
HexLiteral       : 'h\'' ~[']* '\'' ;

FloatLiteral : [+-]? [0-9]* '.' [0-9]+ ;
IntLiteral   : [+-]? [0-9]+ ;

// Any backslash pair is lexed; the checker allows only \' and \\.
StringLiteral      : '\'' ( '\\' . | ~['\\] )* '\'' ;
UnterminatedString : '\'' ( '\\' . | ~['\\] )* ;

// Covers object types (which contain '-') and property names alike.
Identifier : [a-zA-Z_] [a-zA-Z0-9_-]* ;

EQ  : '=' ;
NEQ : '!=' ;
GE  : '>=' ;
LE  : '<=' ;
GT  : '>' ;
LT  : '<' ;

// Operators from other languages, lexed only to suggest the STIX spelling.
ForeignOperator : '==' | '<>' | '&&' | '||' ;

LBRACK   : '[' ;
RBRACK   : ']' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
COLON    : ':' ;
DOT      : '.' ;
COMMA    : ',' ;
ASTERISK : '*' ;

WS : [ \t\r\n\u000B\u000C]+ -> skip ;

// Anything else becomes a token the parser never expects, so the lexer
// itself never fails and the parser reports the character with a column.
ErrorChar : . ;
