#if UNITY_EDITOR
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using UnityEditor;
using UnityEngine;

namespace FrameIpc.Editor
{
    /// <summary>
    /// Tools &gt; FrameIPC &gt; Generate TypeScript Contracts: writes one .d.ts for every <c>[IpcContract]</c> class in the
    /// loaded assemblies, with the same generator as the .NET command, so the page's channel map follows the C# one.
    /// </summary>
    internal static class ContractMenu
    {
        [MenuItem("Tools/FrameIPC/Generate TypeScript Contracts")]
        private static void Generate()
        {
            var contracts = new List<Type>();
            foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic))
            {
                // Only assemblies that can name the attribute can hold a contract; skipping the rest keeps it quick.
                if (assembly.GetName().Name != "FrameIpc" && !assembly.GetReferencedAssemblies().Any(r => r.Name == "FrameIpc")) continue;
                contracts.AddRange(TypeScriptContractWriter.FindContracts(assembly));
            }
            if (contracts.Count == 0)
            {
                Debug.LogWarning("FrameIPC: no [IpcContract] class in the loaded assemblies; mark a static class of channels with it.");
                return;
            }
            string path = EditorUtility.SaveFilePanel("Write the TypeScript channel map", Application.dataPath, "channels", "d.ts");
            if (string.IsNullOrEmpty(path)) return;
            try
            {
                File.WriteAllText(path, TypeScriptContractWriter.Write(contracts));
            }
            catch (Exception e) when (e is NotSupportedException || e is InvalidOperationException || e is IOException)
            {
                Debug.LogError("FrameIPC: the TypeScript channel map was not written: " + e.Message);
                return;
            }
            Debug.Log("FrameIPC: wrote " + contracts.Count + " contract(s) to " + path);
            AssetDatabase.Refresh();
        }
    }
}
#endif
