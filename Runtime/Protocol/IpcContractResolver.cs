using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FrameIpc
{
    /// <summary>
    /// Newtonsoft's resolver with FrameIPC's naming, and two decisions taken once per type, when its contract is made
    /// (Newtonsoft caches contracts), instead of on every value: a type no IPC can carry gets a converter that refuses it
    /// with a message naming it, and a type with a built-in converter (Unity's value types, registered by the Unity glue)
    /// gets that converter unless a user converter claims the type.
    /// </summary>
    internal sealed class IpcContractResolver : DefaultContractResolver
    {
        private static readonly ConcurrentDictionary<Type, JsonConverter> s_builtIn = new ConcurrentDictionary<Type, JsonConverter>();
        private readonly IList<JsonConverter> _user;

        public IpcContractResolver(NamingStrategy naming, IList<JsonConverter> userConverters)
        {
            NamingStrategy = naming;
            _user = userConverters;
        }

        /// <summary>
        /// Makes <paramref name="converter"/> the one for <paramref name="type"/> in every serializer whose contract for it
        /// is made afterwards; the Unity glue calls it before the first message (RuntimeInitializeOnLoadMethod).
        /// </summary>
        public static void RegisterBuiltIn(Type type, JsonConverter converter) => s_builtIn[type] = converter;

        /// <summary>
        /// Told of every contract any FrameIPC serializer makes (by reflection, once per type and serializer): tests use it
        /// to show that a type with a generated codec never gets one. Null (nothing called) unless a test sets it.
        /// </summary>
        internal static Action<Type>? ContractMade;

        protected override JsonContract CreateContract(Type objectType)
        {
            ContractMade?.Invoke(objectType);
            var contract = base.CreateContract(objectType);
            var refusal = UnsendableTypeConverter.WhatCannotCross(objectType);
            if (refusal != null) contract.Converter = UnsendableTypeConverter.Instance;
            else if (contract.Converter == null && s_builtIn.TryGetValue(objectType, out var builtIn) && !ClaimedByUser(objectType))
                contract.Converter = builtIn;
            return contract;
        }

        private bool ClaimedByUser(Type type)
        {
            for (int i = 0; i < _user.Count; i++)
                if (_user[i].CanConvert(type)) return true;
            return false;
        }
    }
}
