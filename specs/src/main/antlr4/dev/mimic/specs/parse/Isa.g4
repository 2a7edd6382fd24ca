// The ISA description language: one file per machine, see specs/README.md.
// The grammar fixes only the shape (declarations, blocks, entries, values); which keys exist and
// what values they take is checked by SpecBuilder, so that those errors read as sentences.
grammar Isa;

spec        : declaration* EOF ;
declaration : group | instruction | entry ;                 // top-level entries: isa, title, semantics
group       : GROUP STRING '{' instruction* '}' ;
instruction : INSTRUCTION NAME '{' entry* '}' ;
entry       : NAME value+ ';' ;
value       : STRING              # text
            | INTEGER             # integer
            | NAME ':' NAME       # pair
            | NAME                # name
            ;

GROUP       : 'group' ;
INSTRUCTION : 'instruction' ;
// INTEGER precedes NAME so that a pure number is an INTEGER; longer matches such as `0branch` are NAMEs.
INTEGER     : [0-9]+ | '0' [xX] [0-9a-fA-F]+ ;
NAME        : [A-Za-z0-9_$] [A-Za-z0-9_$.\-]* ;
STRING      : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n]+ -> skip ;
// Lexical errors become tokens, so the reader reports them in its own words (see IsaSpecs).
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
UNEXPECTED_CHAR     : . ;
