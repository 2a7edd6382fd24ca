// An exception caught, rethrown with `throw;`, passed through a catch that does not match, a
// filter that declines and finally blocks, then left unhandled: mono's report, stack trace lines
// included (each frame at its statement, the rethrowing one at the rethrow), must come out the same.
using System;

class ParseError : Exception {
    public ParseError(string message) : base(message) { }
}

class UnhandledRethrow {
    static Exception Problem(string s) {
        return new ParseError(string.Format("cannot parse '{0}'", s));
    }

    static int Parse(string s) {
        if (s == "one") return 1;
        throw Problem(s);
    }

    static int Relay(string s) {
        try {
            return Parse(s) + s.Length;
        } catch (ParseError) {
            Console.WriteLine("relaying");
            throw;
        }
    }

    static int Guarded(string s) {
        try {
            return Relay(s);
        } catch (ArgumentException) {
            Console.WriteLine("not reached");
            return -1;
        } catch (Exception e) when (e.Message.StartsWith("nothing")) {
            Console.WriteLine("not reached either");
            return -2;
        } finally {
            Console.WriteLine("finally in Guarded");
        }
    }

    static int Main(string[] args) {
        try {
            Console.WriteLine(Guarded("one"));
            Console.WriteLine(Guarded(args[1]));
        } finally {
            Console.WriteLine("finally in Main");
        }
        return 0;
    }
}
