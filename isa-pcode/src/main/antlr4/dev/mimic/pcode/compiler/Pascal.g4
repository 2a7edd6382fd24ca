/*
 * ISO 7185 Pascal, level 0, as a parser for Mimic's Pascal compiler.
 *
 * The rules follow the productions of ISO/IEC 7185:1990 section 6 (the section numbers are
 * cited on each rule), with two liberties that keep the grammar LL and leave the decision to the
 * semantic pass, which knows what an identifier denotes:
 *   - an identifier in a factor may be a constant, a variable, a bound identifier or a
 *     parameterless function call (6.7.1);
 *   - actual parameters may carry write field widths `e:w:d` anywhere; only write/writeln accept
 *     them (6.9.3).
 * Keywords are case-insensitive (6.1.2); `(.` `.)` and `@` are the alternative tokens of 6.1.9.
 */
grammar Pascal;

options { caseInsensitive = true; }

// 6.10 programs
program
    : PROGRAM identifier (LPAREN identifierList RPAREN)? SEMI block DOT EOF
    ;

// 6.2.1 blocks
block
    : labelDeclarationPart? constantDefinitionPart? typeDefinitionPart? variableDeclarationPart?
      routineDeclarationPart compoundStatement
    ;

labelDeclarationPart
    : LABEL label (COMMA label)* SEMI
    ;

label
    : UNSIGNED_INTEGER
    ;

constantDefinitionPart
    : CONST (constantDefinition SEMI)+
    ;

constantDefinition
    : identifier EQUAL constant
    ;

// 6.3 constants
constant
    : sign? unsignedNumber          # numberConstant
    | sign? identifier              # namedConstant
    | STRING                        # stringConstant
    ;

sign
    : PLUS
    | MINUS
    ;

unsignedNumber
    : UNSIGNED_INTEGER
    | UNSIGNED_REAL
    ;

typeDefinitionPart
    : TYPE (typeDefinition SEMI)+
    ;

typeDefinition
    : identifier EQUAL typeDenoter
    ;

// 6.4 types
typeDenoter
    : simpleType
    | PACKED? structuredType
    | pointerType
    ;

simpleType
    : LPAREN identifierList RPAREN      # enumeratedType
    | constant DOTDOT constant          # subrangeType
    | identifier                        # namedType
    ;

structuredType
    : ARRAY LBRACK simpleType (COMMA simpleType)* RBRACK OF typeDenoter   # arrayType
    | RECORD fieldList END                                              # recordType
    | SET OF simpleType                                                 # setType
    | FILE OF typeDenoter                                               # fileType
    ;

// 6.4.3.3 record types
fieldList
    : (fixedPart (SEMI variantPart)? | variantPart)? SEMI?
    ;

fixedPart
    : recordSection (SEMI recordSection)*
    ;

recordSection
    : identifierList COLON typeDenoter
    ;

variantPart
    : CASE variantSelector OF variant (SEMI variant)*
    ;

variantSelector
    : (tagField=identifier COLON)? tagType=identifier
    ;

variant
    : constant (COMMA constant)* COLON LPAREN fieldList RPAREN
    ;

pointerType
    : ARROW identifier
    ;

variableDeclarationPart
    : VAR (variableDeclaration SEMI)+
    ;

variableDeclaration
    : identifierList COLON typeDenoter
    ;

// 6.6 procedure and function declarations
routineDeclarationPart
    : (routineDeclaration SEMI)*
    ;

routineDeclaration
    : procedureHeading SEMI (directive=identifier | block)      # procedureDeclaration
    | functionHeading SEMI (directive=identifier | block)       # functionDeclaration
    ;

procedureHeading
    : PROCEDURE name=identifier formalParameterList?
    ;

// The result type is optional here: a function identification after `forward` has none (6.6.2).
functionHeading
    : FUNCTION name=identifier formalParameterList? (COLON resultType=identifier)?
    ;

formalParameterList
    : LPAREN formalParameterSection (SEMI formalParameterSection)* RPAREN
    ;

formalParameterSection
    : identifierList COLON typeName=identifier          # valueParameters
    | VAR identifierList COLON typeName=identifier      # variableParameters
    | procedureHeading                          # procedureParameter
    | functionHeading                           # functionParameter
    ;

// 6.8 statements
compoundStatement
    : BEGIN statementSequence END
    ;

statementSequence
    : statement (SEMI statement)*
    ;

statement
    : (label COLON)? unlabelledStatement
    ;

unlabelledStatement
    : variableAccess ASSIGN expression                                  # assignmentStatement
    | identifier actualParameterList?                                   # procedureStatement
    | GOTO label                                                        # gotoStatement
    | compoundStatement                                                 # compound
    | IF expression THEN statement (ELSE statement)?                    # ifStatement
    | CASE expression OF caseElement (SEMI caseElement)* SEMI? END      # caseStatement
    | REPEAT statementSequence UNTIL expression                         # repeatStatement
    | WHILE expression DO statement                                     # whileStatement
    | FOR identifier ASSIGN expression (TO | DOWNTO) expression DO statement   # forStatement
    | WITH variableAccess (COMMA variableAccess)* DO statement          # withStatement
    |                                                                   # emptyStatement
    ;

caseElement
    : constant (COMMA constant)* COLON statement
    ;

actualParameterList
    : LPAREN actualParameter (COMMA actualParameter)* RPAREN
    ;

actualParameter
    : value=expression (COLON width=expression (COLON fraction=expression)?)?
    ;

// 6.5 variables
variableAccess
    : identifier selector*
    ;

selector
    : LBRACK expression (COMMA expression)* RBRACK      # indexSelector
    | DOT identifier                                    # fieldSelector
    | ARROW                                             # pointerSelector
    ;

// 6.7 expressions
expression
    : simpleExpression (relationalOperator simpleExpression)?
    ;

relationalOperator
    : EQUAL | NOT_EQUAL | LT | LE | GT | GE | IN
    ;

simpleExpression
    : sign? term (addingOperator term)*
    ;

addingOperator
    : PLUS | MINUS | OR
    ;

term
    : factor (multiplyingOperator factor)*
    ;

multiplyingOperator
    : STAR | SLASH | DIV | MOD | AND
    ;

factor
    : identifier actualParameterList            # functionCallFactor
    | variableAccess                            # accessFactor
    | unsignedNumber                            # numberFactor
    | STRING                                    # stringFactor
    | NIL                                       # nilFactor
    | LBRACK (memberDesignator (COMMA memberDesignator)*)? RBRACK   # setFactor
    | LPAREN expression RPAREN                  # parenthesizedFactor
    | NOT factor                                # notFactor
    ;

memberDesignator
    : expression (DOTDOT expression)?
    ;

identifierList
    : identifier (COMMA identifier)*
    ;

identifier
    : IDENTIFIER
    ;

// 6.1 lexical tokens
AND         : 'and';
ARRAY       : 'array';
BEGIN       : 'begin';
CASE        : 'case';
CONST       : 'const';
DIV         : 'div';
DO          : 'do';
DOWNTO      : 'downto';
ELSE        : 'else';
END         : 'end';
FILE        : 'file';
FOR         : 'for';
FUNCTION    : 'function';
GOTO        : 'goto';
IF          : 'if';
IN          : 'in';
LABEL       : 'label';
MOD         : 'mod';
NIL         : 'nil';
NOT         : 'not';
OF          : 'of';
OR          : 'or';
PACKED      : 'packed';
PROCEDURE   : 'procedure';
PROGRAM     : 'program';
RECORD      : 'record';
REPEAT      : 'repeat';
SET         : 'set';
THEN        : 'then';
TO          : 'to';
TYPE        : 'type';
UNTIL       : 'until';
VAR         : 'var';
WHILE       : 'while';
WITH        : 'with';

PLUS        : '+';
MINUS       : '-';
STAR        : '*';
SLASH       : '/';
EQUAL       : '=';
NOT_EQUAL   : '<>';
LE          : '<=';
GE          : '>=';
LT          : '<';
GT          : '>';
ASSIGN      : ':=';
COLON       : ':';
SEMI        : ';';
COMMA       : ',';
DOTDOT      : '..';
DOT         : '.';
LPAREN      : '(';
RPAREN      : ')';
LBRACK      : '[' | '(.';
RBRACK      : ']' | '.)';
ARROW       : '^' | '@';

IDENTIFIER  : [a-z] [a-z0-9]*;

UNSIGNED_INTEGER : DIGITS;

// A real needs a digit after the point, so `1..5` lexes as an integer and a range token.
UNSIGNED_REAL
    : DIGITS '.' DIGITS ('e' [+-]? DIGITS)?
    | DIGITS 'e' [+-]? DIGITS
    ;

STRING      : '\'' ('\'\'' | ~['\r\n])* '\'';

// 6.1.8: a comment opens with `{` or `(*` and closes with `}` or `*)`, in any pairing.
COMMENT     : ('{' | '(*') .*? ('}' | '*)') -> skip;

WHITESPACE  : [ \t\r\n\f]+ -> skip;

// Malformed input goes to a channel of its own: the compiler reports it with a message of its
// own instead of letting the parser guess at it.
// An opener that COMMENT could not close is an unterminated comment.
COMMENT_START        : ('{' | '(*') -> channel(2);
UNTERMINATED_STRING  : '\'' ~['\r\n]* -> channel(2);
ILLEGAL_CHARACTER    : . -> channel(2);

fragment DIGITS : [0-9]+;
