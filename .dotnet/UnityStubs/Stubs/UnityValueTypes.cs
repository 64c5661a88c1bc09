#nullable disable
#pragma warning disable CS1591
using System;

// Unity's value types with their real public fields (from Unity's C# reference source) and, where Unity has one, the
// computed `normalized` property that returns the same type: with Equals comparing fields as Unity's does, plain
// Newtonsoft fails on it with "Self referencing loop detected for property 'normalized'", as in a real project.
namespace UnityEngine
{
    public struct Vector2 : IEquatable<Vector2>
    {
        public float x;
        public float y;
        public Vector2(float x, float y) { this.x = x; this.y = y; }
        public float magnitude => (float)Math.Sqrt(x * x + y * y);
        public Vector2 normalized { get { float m = magnitude; return m > 1e-5f ? new Vector2(x / m, y / m) : default; } }
        public bool Equals(Vector2 o) => x == o.x && y == o.y;
        public override bool Equals(object other) => other is Vector2 o && Equals(o);
        public override int GetHashCode() => x.GetHashCode() ^ (y.GetHashCode() << 2);
    }

    public struct Vector3 : IEquatable<Vector3>
    {
        public float x;
        public float y;
        public float z;
        public Vector3(float x, float y, float z) { this.x = x; this.y = y; this.z = z; }
        public float magnitude => (float)Math.Sqrt(x * x + y * y + z * z);
        public Vector3 normalized { get { float m = magnitude; return m > 1e-5f ? new Vector3(x / m, y / m, z / m) : default; } }
        public bool Equals(Vector3 o) => x == o.x && y == o.y && z == o.z;
        public override bool Equals(object other) => other is Vector3 o && Equals(o);
        public override int GetHashCode() => x.GetHashCode() ^ (y.GetHashCode() << 2) ^ (z.GetHashCode() >> 2);
    }

    public struct Vector4 : IEquatable<Vector4>
    {
        public float x;
        public float y;
        public float z;
        public float w;
        public Vector4(float x, float y, float z, float w) { this.x = x; this.y = y; this.z = z; this.w = w; }
        public float magnitude => (float)Math.Sqrt(x * x + y * y + z * z + w * w);
        public Vector4 normalized { get { float m = magnitude; return m > 1e-5f ? new Vector4(x / m, y / m, z / m, w / m) : default; } }
        public bool Equals(Vector4 o) => x == o.x && y == o.y && z == o.z && w == o.w;
        public override bool Equals(object other) => other is Vector4 o && Equals(o);
        public override int GetHashCode() => x.GetHashCode() ^ (y.GetHashCode() << 2) ^ (z.GetHashCode() >> 2) ^ (w.GetHashCode() >> 1);
    }

    public struct Vector2Int
    {
        // Unity keeps these private and exposes properties; Newtonsoft sees the properties.
        private int m_X;
        private int m_Y;
        public Vector2Int(int x, int y) { m_X = x; m_Y = y; }
        public int x { get => m_X; set => m_X = value; }
        public int y { get => m_Y; set => m_Y = value; }
        public float magnitude => (float)Math.Sqrt(x * x + y * y);
    }

    public struct Vector3Int
    {
        private int m_X;
        private int m_Y;
        private int m_Z;
        public Vector3Int(int x, int y, int z) { m_X = x; m_Y = y; m_Z = z; }
        public int x { get => m_X; set => m_X = value; }
        public int y { get => m_Y; set => m_Y = value; }
        public int z { get => m_Z; set => m_Z = value; }
        public float magnitude => (float)Math.Sqrt(x * x + y * y + z * z);
    }

    public struct Quaternion : IEquatable<Quaternion>
    {
        public float x;
        public float y;
        public float z;
        public float w;
        public Quaternion(float x, float y, float z, float w) { this.x = x; this.y = y; this.z = z; this.w = w; }
        public static Quaternion identity => new Quaternion(0, 0, 0, 1);
        public Quaternion normalized
        {
            get
            {
                float m = (float)Math.Sqrt(x * x + y * y + z * z + w * w);
                return m > 1e-5f ? new Quaternion(x / m, y / m, z / m, w / m) : identity;
            }
        }
        public bool Equals(Quaternion o) => x == o.x && y == o.y && z == o.z && w == o.w;
        public override bool Equals(object other) => other is Quaternion o && Equals(o);
        public override int GetHashCode() => x.GetHashCode() ^ (y.GetHashCode() << 2) ^ (z.GetHashCode() >> 2) ^ (w.GetHashCode() >> 1);
    }

    public struct Color
    {
        public float r;
        public float g;
        public float b;
        public float a;
        public Color(float r, float g, float b, float a) { this.r = r; this.g = g; this.b = b; this.a = a; }
        public float grayscale => 0.299f * r + 0.587f * g + 0.114f * b;
    }

    public struct Color32
    {
        public byte r;
        public byte g;
        public byte b;
        public byte a;
        public Color32(byte r, byte g, byte b, byte a) { this.r = r; this.g = g; this.b = b; this.a = a; }
    }

    public struct Rect
    {
        private float m_XMin;
        private float m_YMin;
        private float m_Width;
        private float m_Height;
        public Rect(float x, float y, float width, float height) { m_XMin = x; m_YMin = y; m_Width = width; m_Height = height; }
        public float x { get => m_XMin; set => m_XMin = value; }
        public float y { get => m_YMin; set => m_YMin = value; }
        public float width { get => m_Width; set => m_Width = value; }
        public float height { get => m_Height; set => m_Height = value; }
        public Vector2 position => new Vector2(m_XMin, m_YMin);
        public Vector2 center => new Vector2(m_XMin + m_Width / 2, m_YMin + m_Height / 2);
    }

    public struct Bounds
    {
        private Vector3 m_Center;
        private Vector3 m_Extents;
        public Bounds(Vector3 center, Vector3 size) { m_Center = center; m_Extents = new Vector3(size.x / 2, size.y / 2, size.z / 2); }
        public Vector3 center { get => m_Center; set => m_Center = value; }
        public Vector3 size { get => new Vector3(m_Extents.x * 2, m_Extents.y * 2, m_Extents.z * 2); set => m_Extents = new Vector3(value.x / 2, value.y / 2, value.z / 2); }
        public Vector3 extents { get => m_Extents; set => m_Extents = value; }
    }

    public struct Matrix4x4
    {
        public float m00, m10, m20, m30;
        public float m01, m11, m21, m31;
        public float m02, m12, m22, m32;
        public float m03, m13, m23, m33;
        public static Matrix4x4 identity => new Matrix4x4 { m00 = 1, m11 = 1, m22 = 1, m33 = 1 };
        public Matrix4x4 transpose => new Matrix4x4
        {
            m00 = m00, m01 = m10, m02 = m20, m03 = m30, m10 = m01, m11 = m11, m12 = m21, m13 = m31,
            m20 = m02, m21 = m12, m22 = m22, m23 = m32, m30 = m03, m31 = m13, m32 = m23, m33 = m33,
        };
        public float this[int row, int column]
        {
            get => throw new NotSupportedException("stub");
            set => throw new NotSupportedException("stub");
        }
    }
}
