// Writes IndirectCalls.exe, a program using the instructions C# compilers do not emit: calli
// through ldftn and ldvirtftn pointers (static, instance and virtual methods, int, long, double,
// string and void results) and jmp. Run as `mono Generator.exe OUTPUT-FOLDER`.
using System;
using System.Reflection;
using System.Reflection.Emit;

class Generator {
    static TypeBuilder type;

    static MethodBuilder Method(string name, MethodAttributes attributes, Type result, Type[] parameters) {
        return type.DefineMethod(name, attributes | MethodAttributes.HideBySig, result, parameters);
    }

    static void Print(ILGenerator il, Type value) {
        il.Emit(OpCodes.Call, typeof(Console).GetMethod("WriteLine", new[] { value }));
    }

    static void Main(string[] args) {
        var name = new AssemblyName("IndirectCalls");
        var assembly = AppDomain.CurrentDomain.DefineDynamicAssembly(name, AssemblyBuilderAccess.Save, args[0]);
        var module = assembly.DefineDynamicModule("IndirectCalls", "IndirectCalls.exe");
        type = module.DefineType("IndirectCalls", TypeAttributes.Public | TypeAttributes.Class);
        var statics = MethodAttributes.Public | MethodAttributes.Static;

        // static int Add(int a, int b) => a + b;
        var add = Method("Add", statics, typeof(int), new[] { typeof(int), typeof(int) });
        var il = add.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ret);

        // static long Scale(long a, double f) => (long) (a * f);
        var scale = Method("Scale", statics, typeof(long), new[] { typeof(long), typeof(double) });
        il = scale.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Conv_R8);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Ret);

        // static void Say(string s) => Console.WriteLine("say " + s);
        var say = Method("Say", statics, typeof(void), new[] { typeof(string) });
        il = say.GetILGenerator();
        il.Emit(OpCodes.Ldstr, "say ");
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(string).GetMethod("Concat", new[] { typeof(string), typeof(string) }));
        Print(il, typeof(string));
        il.Emit(OpCodes.Ret);

        // static int AddViaJmp(int a, int b) { jmp Add } : the arguments go on unchanged.
        var viaJmp = Method("AddViaJmp", statics, typeof(int), new[] { typeof(int), typeof(int) });
        il = viaJmp.GetILGenerator();
        il.Emit(OpCodes.Jmp, add);

        // static int Twice(int a) { a = a * 2; jmp Echo } : jmp passes the arguments' current values.
        var echo = Method("Echo", statics, typeof(int), new[] { typeof(int) });
        il = echo.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ret);
        var twice = Method("Twice", statics, typeof(int), new[] { typeof(int) });
        il = twice.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4_2);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Starg_S, (byte) 0);
        il.Emit(OpCodes.Jmp, echo);

        // public virtual string Describe(int n) => "base " + n; and ToString() overridden by nothing.
        var describe = Method("Describe", MethodAttributes.Public | MethodAttributes.Virtual, typeof(string), new[] { typeof(int) });
        il = describe.GetILGenerator();
        il.Emit(OpCodes.Ldstr, "instance ");
        il.Emit(OpCodes.Ldarga_S, (byte) 1);
        il.Emit(OpCodes.Call, typeof(int).GetMethod("ToString", Type.EmptyTypes));
        il.Emit(OpCodes.Call, typeof(string).GetMethod("Concat", new[] { typeof(string), typeof(string) }));
        il.Emit(OpCodes.Ret);
        var ctor = type.DefineDefaultConstructor(MethodAttributes.Public);

        var main = Method("Main", statics, typeof(int), Type.EmptyTypes);
        il = main.GetILGenerator();
        // calli int(int, int) through ldftn Add
        il.Emit(OpCodes.Ldc_I4, 40);
        il.Emit(OpCodes.Ldc_I4_2);
        il.Emit(OpCodes.Ldftn, add);
        il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, typeof(int), new[] { typeof(int), typeof(int) }, null);
        Print(il, typeof(int));
        // calli long(long, double)
        il.Emit(OpCodes.Ldc_I8, 1L << 40);
        il.Emit(OpCodes.Ldc_R8, 2.5);
        il.Emit(OpCodes.Ldftn, scale);
        il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, typeof(long), new[] { typeof(long), typeof(double) }, null);
        Print(il, typeof(long));
        // calli void(string), the pointer kept in a local first
        var pointer = il.DeclareLocal(typeof(IntPtr));
        il.Emit(OpCodes.Ldftn, say);
        il.Emit(OpCodes.Stloc, pointer);
        il.Emit(OpCodes.Ldstr, "hello");
        il.Emit(OpCodes.Ldloc, pointer);
        il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, typeof(void), new[] { typeof(string) }, null);
        // jmp
        il.Emit(OpCodes.Ldc_I4_3);
        il.Emit(OpCodes.Ldc_I4_4);
        il.Emit(OpCodes.Call, viaJmp);
        Print(il, typeof(int));
        il.Emit(OpCodes.Ldc_I4, 21);
        il.Emit(OpCodes.Call, twice);
        Print(il, typeof(int));
        // calli of an instance method through ldvirtftn: string Describe(int) on a new object
        var self = il.DeclareLocal(type);
        il.Emit(OpCodes.Newobj, ctor);
        il.Emit(OpCodes.Stloc, self);
        il.Emit(OpCodes.Ldloc, self);
        il.Emit(OpCodes.Ldc_I4, 7);
        il.Emit(OpCodes.Ldloc, self);
        il.Emit(OpCodes.Ldvirtftn, describe);
        il.EmitCalli(OpCodes.Calli, CallingConventions.HasThis, typeof(string), new[] { typeof(int) }, null);
        Print(il, typeof(string));
        // calli of object.ToString through ldvirtftn: the object's own implementation
        il.Emit(OpCodes.Ldloc, self);
        il.Emit(OpCodes.Ldloc, self);
        il.Emit(OpCodes.Ldvirtftn, typeof(object).GetMethod("ToString"));
        il.EmitCalli(OpCodes.Calli, CallingConventions.HasThis, typeof(string), Type.EmptyTypes, null);
        Print(il, typeof(string));
        il.Emit(OpCodes.Ldc_I4_5);
        il.Emit(OpCodes.Ret);

        type.CreateType();
        assembly.SetEntryPoint(main);
        assembly.Save("IndirectCalls.exe");
    }
}
