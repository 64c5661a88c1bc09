using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FrameIpc.UnityFidelity
{
    /// <summary>Where the compile's references live: the NuGet cache this project downloaded them into, and the package.</summary>
    public static class UnityReferences
    {
        private static string Metadata(string key) =>
            typeof(UnityReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException(key + " is not set by the project");

        /// <summary>The package's root folder (the one holding package.json).</summary>
        public static string PackageRoot => Metadata("PackageRoot");

        private static string Package(string relative) =>
            Path.Combine(Metadata("NuGetPackageRoot"), relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The .NET Standard 2.1 reference assemblies: what Unity compiles against at that API level.</summary>
        public static string[] NetStandard21 =>
            Directory.GetFiles(Package("netstandard.library.ref/2.1.0/ref/netstandard2.1"), "*.dll");

        /// <summary>
        /// NUnit 3.6.0 for .NET Framework 4.5: the oldest NUnit 3 served, standing in for Unity's fork of 3.5
        /// (com.unity.ext.nunit), which is built for .NET Framework too. Anything newer than 3.6 fails here.
        /// </summary>
        public static string NUnit => Package("nunit/3.6.0/lib/net45/nunit.framework.dll");

        /// <summary>Json.NET as Unity's com.unity.nuget.newtonsoft-json ships it (13.0.2, .NET Standard 2.0 build).</summary>
        public static string Newtonsoft => Package("newtonsoft.json/13.0.2/lib/netstandard2.0/Newtonsoft.Json.dll");

        /// <summary>Microsoft.Extensions.ObjectPool as the UnityNuGet registry repackages it (.NET Standard 2.0 build).</summary>
        public static string ObjectPool => Package("microsoft.extensions.objectpool/8.0.11/lib/netstandard2.0/Microsoft.Extensions.ObjectPool.dll");

        /// <summary>Maps an asmdef's precompiledReferences entry to the DLL that stands in for it.</summary>
        public static string Precompiled(string fileName) => fileName switch
        {
            "nunit.framework.dll" => NUnit,
            "Newtonsoft.Json.dll" => Newtonsoft,
            "Microsoft.Extensions.ObjectPool.dll" => ObjectPool,
            _ => throw new InvalidOperationException($"no stand-in for the precompiled reference '{fileName}'"),
        };

        /// <summary>The precompiled DLLs Unity references from every assembly without overrideReferences.</summary>
        public static readonly string[] AutoReferencedPrecompiled = { "Newtonsoft.Json.dll", "Microsoft.Extensions.ObjectPool.dll" };

        /// <summary>The hand-written stubs of the Unity APIs the glue uses (compiled here as UnityEngine and UnityEditor).</summary>
        public static string Stub(string fileName) =>
            Path.Combine(PackageRoot, ".dotnet", "UnityStubs", "Stubs", fileName);
    }
}
