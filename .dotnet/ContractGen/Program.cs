using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using FrameIpc.Editor;

namespace FrameIpc.ContractGen
{
    /// <summary>The command: load the assembly, find its contracts, write the .d.ts; exit 2 on bad usage, 1 on a contract it cannot map.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: ContractGen <assembly.dll> <out.d.ts> [Contract.Full.Name ...]");
                return 2;
            }
            try
            {
                string text = Generate(args[0], args.Skip(2).ToList());
                File.WriteAllText(args[1], text);
                Console.WriteLine("wrote " + args[1]);
                return 0;
            }
            catch (Exception e) when (e is NotSupportedException || e is InvalidOperationException || e is ArgumentException || e is IOException)
            {
                Console.Error.WriteLine("ContractGen: " + e.Message);
                return 1;
            }
        }

        /// <summary>The .d.ts for the assembly's contracts, or only the named ones.</summary>
        public static string Generate(string assemblyPath, IReadOnlyCollection<string> only)
        {
            string full = Path.GetFullPath(assemblyPath);
            if (!File.Exists(full)) throw new IOException("no assembly at " + full);
            string folder = Path.GetDirectoryName(full)!;
            // The assembly's own dependencies (FrameIpc, Newtonsoft.Json) come from its folder, as when it runs.
            var context = new AssemblyLoadContext("contract", isCollectible: false);
            context.Resolving += (ctx, name) =>
            {
                string candidate = Path.Combine(folder, name.Name + ".dll");
                return File.Exists(candidate) ? ctx.LoadFromAssemblyPath(candidate) : null;
            };
            Assembly assembly = context.LoadFromAssemblyPath(full);
            List<Type> contracts = TypeScriptContractWriter.FindContracts(assembly);
            if (only.Count > 0)
            {
                string? unknown = only.FirstOrDefault(n => contracts.All(c => c.FullName != n));
                if (unknown != null) throw new ArgumentException("no [IpcContract] class named " + unknown + " in " + full);
                contracts = contracts.Where(c => only.Contains(c.FullName!)).ToList();
            }
            if (contracts.Count == 0) throw new ArgumentException("no [IpcContract] class in " + full);
            return TypeScriptContractWriter.Write(contracts);
        }
    }
}
