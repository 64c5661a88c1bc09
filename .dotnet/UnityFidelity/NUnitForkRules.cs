using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// What NUnit 3.6.0 has and Unity's fork of 3.5 does not, so compiling against 3.6.0 alone cannot catch it:
    /// Assert.Multiple and the Warn family arrived in 3.6. Each use in a compiled assembly is an error.
    /// </summary>
    public static class NUnitForkRules
    {
        private static readonly (string Type, string? Member)[] Missing =
        {
            ("NUnit.Framework.Assert", "Multiple"),
            ("NUnit.Framework.Assert", "Warn"),
            ("NUnit.Framework.Warn", null),
        };

        public static IEnumerable<string> Check(CSharpCompilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var symbol = model.GetSymbolInfo(name).Symbol;
                    var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                    if (type == null) continue;
                    string typeName = type.ToDisplayString();
                    foreach (var (missingType, member) in Missing)
                    {
                        if (typeName != missingType) continue;
                        if (member != null && symbol!.Name != member) continue;
                        var at = name.GetLocation().GetLineSpan();
                        yield return $"{at.Path}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}): error UNITYNUNIT: " +
                            $"{typeName}{(member == null ? "" : "." + member)} is NUnit 3.6+; Unity's Test Framework runs a fork of NUnit 3.5";
                        break;
                    }
                }
            }
        }
    }
}
