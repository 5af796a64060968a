using System.Reflection;
using System.Reflection.Emit;
using RegressionGate.Gate;

namespace RegressionGate.Tests.Architecture;

/// <summary>
/// Which folder of the library uses which, read from the compiled assembly rather than from source text: every type a
/// type names in its signatures, fields, locals and method bodies (each IL instruction that carries a type, field or
/// method token), lambdas and async state machines included, since the compiler nests them in the type that wrote them.
/// A folder is the second part of a namespace: <c>RegressionGate.Retrieval.Embedding</c> is <c>Retrieval</c>.
/// </summary>
static class LibraryDependencies
{
    public static Assembly Library { get; } = typeof(GateRunner).Assembly;

    // Before Edges: static initializers run in the order they are written.
    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every (from, to) pair of folders where a type in <c>from</c> uses one in <c>to</c>, with one example each.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Edges { get; } = Collect();

    /// <summary>Every folder that holds a type of the library.</summary>
    public static IReadOnlySet<string> Folders { get; } = Library.GetTypes().Select(Folder).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static string? Folder(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        return parts.Length >= 2 && parts[0] == "RegressionGate" ? parts[1] : null;
    }

    static Dictionary<(string, string), string> Collect()
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in Library.GetTypes())
        {
            if (Folder(type) is not { } from) continue;
            foreach (var used in Used(type))
            {
                if (Folder(used) is { } to && to != from) edges.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
            }
        }
        return edges;
    }

    const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    static IEnumerable<Type> Used(Type type)
    {
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter) return;
            found.Add(t.IsGenericType ? t.GetGenericTypeDefinition() : t);
            if (t.IsGenericType) foreach (var argument in t.GetGenericArguments()) Add(argument);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var attribute in type.CustomAttributes) Add(attribute.AttributeType);
        foreach (var field in type.GetFields(Declared)) Add(field.FieldType);
        foreach (var property in type.GetProperties(Declared)) Add(property.PropertyType);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            var body = method.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) Add(local.LocalType);
            foreach (var member in Tokens(method, body.GetILAsByteArray()!))
            {
                switch (member)
                {
                    case Type t: Add(t); break;
                    case FieldInfo f: Add(f.DeclaringType); Add(f.FieldType); break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m.IsGenericMethod) foreach (var argument in m.GetGenericArguments()) Add(argument);
                        break;
                }
            }
        }
        return found;
    }

    /// <summary>The types, fields and methods an IL body names, resolved in the method's generic context.</summary>
    static IEnumerable<MemberInfo> Tokens(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE) value = (short)(0xFE00 | il[at++]);
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                default:
                    at += Size(opCode.OperandType);
                    break;
            }
        }
    }

    static int Size(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
