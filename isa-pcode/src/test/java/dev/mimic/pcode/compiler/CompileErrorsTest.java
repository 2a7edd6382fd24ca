package dev.mimic.pcode.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rejected programs: each error is reported as {@code file:line:col: message}, the compiler
 * recovers and reports the others in the same run, and no code is produced.
 */
class CompileErrorsTest {

    private static List<String> errors(String source) {
        CompileResult result = new PascalCompiler().compile("bad.pas", source);
        assertFalse(result.ok());
        assertEquals("", result.pcode());
        return result.errors().stream().map(CompileError::toString).toList();
    }

    @Test
    void typeErrors_allReportedInOneRun() {
        assertEquals(List.of(
                "bad.pas:4:8: cannot assign char to integer",
                "bad.pas:5:8: cannot assign integer to char",
                "bad.pas:6:3: undeclared identifier 'undefined'",
                "bad.pas:7:10: operator 'and' needs Boolean operands",
                "bad.pas:8:11: undeclared identifier 'q'",
                "bad.pas:9:6: the condition must be Boolean, not integer",
                "bad.pas:10:10: operator 'div' needs integer operands"), errors("""
                program p(output);
                var i: integer; c: char; b: boolean;
                begin
                  i := 'x';
                  c := 1 + 2;
                  undefined := 3;
                  b := i and b;
                  writeln(q);
                  if i then i := 0;
                  i := 1 div 2.0
                end.
                """));
    }

    @Test
    void syntaxErrors_recoverAndContinue() {
        assertEquals(List.of(
                "bad.pas:3:1: syntax error: missing ';' at 'begin'",
                "bad.pas:4:11: syntax error: unexpected ';'",
                "bad.pas:6:1: syntax error at 'end', expected ',' or ')'"), errors("""
                program p(output);
                var i: integer
                begin
                  i := 3 +;
                  writeln(i
                end.
                """));
    }

    @Test
    void declarationAndStatementErrors_allReportedInOneRun() {
        assertEquals(List.of(
                "bad.pas:2:10: label 2 is declared but never defined",
                "bad.pas:3:29: a set base type must not be integer: use a subrange",
                "bad.pas:3:61: field 'x' is already declared in this record",
                "bad.pas:4:21: undeclared type 'missing'",
                "bad.pas:6:10: function 'g' never assigns its result",
                "bad.pas:7:11: 'h' is declared forward but its block never follows",
                "bad.pas:9:5: the argument for var parameter 'x' must be a variable",
                "bad.pas:10:4: 'f' takes 1 argument, not 2",
                "bad.pas:11:8: label 3 is not declared",
                "bad.pas:13:3: label 1 is defined twice",
                "bad.pas:14:23: the for control variable 'i' must not be assigned in the loop",
                "bad.pas:15:18: case constant 1 appears twice"), errors("""
                program p(output);
                label 1, 2;
                type t = (a, b); s = set of integer; r = record x: integer; x: char end;
                var i: integer; p: ^missing;
                procedure f(var x: integer); begin x := 1 end;
                function g(x: integer): integer; begin end;
                procedure h; forward;
                begin
                  f(3);
                  f(i, i);
                  goto 3;
                  1: i := 0;
                  1: i := 1;
                  for i := 1 to 10 do i := 2;
                  case i of 1: ; 1: end
                end.
                """));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'x := y'                              | 4:8: undeclared identifier 'y'",
        "'x := 1; x := x + '' '''              | 4:18: operator '+' cannot combine integer and char",
        "'d := x'                              | ",
        "'writeln(e)'                          | 4:11: a value of type colour cannot be written to a text file",
        "'read(e)'                             | 4:8: only integers, reals and chars can be read from a text file",
        "'if [1] < [2] then'                    | 4:6: sets cannot be compared with < or >",
        "'x := 5 mod 2.0'                      | 4:10: operator 'mod' needs integer operands",
        "'p := 1'                              | 4:8: cannot assign integer to ^integer",
        "'x := p^ + q'                         | 4:13: undeclared identifier 'q'",
        "'writeln(x:1:2)'                      | 4:15: only a real value can have a fraction length",
        "'new(x)'                              | 4:7: 'new' needs a pointer",
        "'red := e'                            | 4:3: 'red' is not a variable",
        "'for r := 1 to 2 do'                  | 4:7: the for control variable 'r' must be ordinal",
        "'for d := 1 to 2 do'                  | ",
        "'with x do'                           | 4:8: a with statement needs a record variable",
        "'case r of 1: end'                    | 4:8: a case selector must be ordinal",
        "'x := ord(r)'                         | 4:12: 'ord' cannot take a real",
        "'e := succ(x)'                        | 4:8: cannot assign integer to colour",
        "'goto 5'                              | 4:8: label 5 is not declared",
        "'x := abs'                            | 4:8: 'abs' takes one argument"})
    void singleError_isReportedAtItsPosition(String statement, String expected) {
        String source = """
                program p(input, output);
                type colour = (red, green); digit = 0..9; var x: integer; r: real; e: colour; d: digit; p: ^integer;
                begin
                  %s
                end.
                """.formatted(statement);
        List<String> errors = new PascalCompiler().compile("one.pas", source).errors().stream()
                .map(CompileError::toString).toList();
        assertEquals(expected == null ? List.of() : List.of("one.pas:" + expected), errors);
    }

    @Test
    void misplacedGotos_breakTheLabelRules() {
        assertEquals(List.of(
                "bad.pas:6:3: goto 1 leads into a nested statement",
                "bad.pas:8:23: a goto leads into the statement labelled 2 from outside it"), errors("""
                program p(output);
                label 1, 2;
                var i: integer;
                begin
                  begin 1: i := 0 end;
                  goto 1;
                  if i = 0 then goto 2;
                  if i = 1 then begin 2: i := 2 end
                end.
                """));
    }

    @Test
    void forControlVariable_mustBeALocalVariableNotAssignedByNestedRoutines() {
        assertEquals(List.of(
                "bad.pas:5:7: the for control variable 'g' must be a variable declared in this block",
                "bad.pas:8:11: the for control variable 'k' is assigned elsewhere (a nested routine or an enclosing loop)"),
                errors("""
                program p(output);
                var g, k: integer;
                procedure q;
                begin
                  for g := 1 to 2 do
                end;
                procedure r; begin k := 0 end;
                begin for k := 1 to 2 do end.
                """));
    }

    @Test
    void routineParameters_mustBeCongruous() {
        assertEquals(List.of(
                "bad.pas:6:25: the parameters of 'two' differ from those of parameter 'f'",
                "bad.pas:6:37: required procedures and functions cannot be passed as arguments",
                "bad.pas:6:49: 'r' is not a function"), errors("""
                program p(output);
                var r: real;
                function one(x: integer): integer; begin one := x end;
                function two(x, y: integer): integer; begin two := x end;
                procedure apply(function f(x: integer): integer); begin end;
                begin apply(one); apply(two); apply(sqr); apply(r) end.
                """));
    }

    @Test
    void lexicalErrors_areReportedWithoutParsing() {
        assertEquals(List.of("bad.pas:2:3: unterminated string", "bad.pas:3:3: illegal character '?'"),
                errors("program p(output);\n  'abc\n  ? begin end.\n"));
        assertEquals(List.of("bad.pas:2:1: unterminated comment"), errors("program p(output);\n{ never closed\nbegin end.\n"));
    }

    @Test
    void writeWithoutOutputInHeading_isAnError() {
        assertEquals(List.of("bad.pas:2:7: 'output' is not a program parameter",
                        "bad.pas:2:21: 'input' is not a program parameter"),
                errors("program p;\nbegin writeln('x'); readln end.\n"));
    }

    @Test
    void programParameter_mustBeAFileVariable() {
        assertEquals(List.of("bad.pas:1:19: program parameter 'data' must be declared as a file variable of the program"),
                errors("program p(output, data);\nvar data: integer;\nbegin end.\n"));
    }
}
