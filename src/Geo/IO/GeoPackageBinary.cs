using System.Buffers.Binary;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// The GeoPackage geometry blob (GPKG 1.2 §2.1.3): a header ("GP", version, flags, srs_id, optional envelope) followed by
/// standard WKB. This reader parses the blob in place (no stream, no copy), which measured faster than
/// NetTopologySuite.IO.GeoPackage's <c>GeoPackageGeoReader</c> (see docs/performance.md). Only x and y are kept.
/// </summary>
internal static class GeoPackageBinary
{
    /// <summary>Parses a blob. Throws <see cref="FormatException"/> with the reason when it is not a valid blob.</summary>
    public static Geometry Read(ReadOnlySpan<byte> blob, GeometryFactory factory, out int srsId, out int paddedRings)
    {
        paddedRings = 0;
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            throw new FormatException("the geometry blob does not start with the GeoPackage magic \"GP\"");
        }

        var flags = blob[3];
        var littleHeader = (flags & 1) == 1;
        srsId = littleHeader ? BinaryPrimitives.ReadInt32LittleEndian(blob[4..]) : BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        var envelopeBytes = ((flags >> 1) & 7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var e => throw new FormatException($"invalid envelope indicator {e.ToString(CultureInfo.InvariantCulture)} in the geometry blob header"),
        };
        if ((flags & 0x20) != 0)
        {
            throw new FormatException("extended GeoPackage geometry blobs are not supported");
        }

        var offset = 8 + envelopeBytes;
        if (blob.Length < offset + 5)
        {
            throw new FormatException("the geometry blob is truncated");
        }

        var wkb = new WkbCursor(blob[offset..]);
        return ReadGeometry(ref wkb, factory, ref paddedRings);
    }

    /// <summary>Writes a blob: little-endian header with srs_id and an xy envelope (none for empty geometries), then little-endian 2D WKB.</summary>
    public static byte[] Write(Geometry geometry, int srsId)
    {
        var empty = geometry.IsEmpty;
        var size = 8 + (empty ? 0 : 32) + WkbSize(geometry);
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = (byte)'G';
        span[1] = (byte)'P';
        span[2] = 0; // version 1
        span[3] = (byte)(1 | (empty ? 0x10 : 0x02)); // little-endian header; empty flag or envelope [minx, maxx, miny, maxy]
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], srsId);
        var o = 8;
        if (!empty)
        {
            var e = geometry.EnvelopeInternal;
            WriteDouble(span, ref o, e.MinX);
            WriteDouble(span, ref o, e.MaxX);
            WriteDouble(span, ref o, e.MinY);
            WriteDouble(span, ref o, e.MaxY);
        }

        WriteWkb(span, ref o, geometry);
        return buffer;
    }

    private static Geometry ReadGeometry(ref WkbCursor c, GeometryFactory factory, ref int paddedRings)
    {
        c.ReadByteOrder();
        var raw = c.ReadUInt32();
        // ISO WKB: 1000/2000/3000 offsets for Z/M/ZM; EWKB-style high bits are accepted too.
        var hasZ = (raw & 0x80000000) != 0;
        var hasM = (raw & 0x40000000) != 0;
        var code = raw & 0x0FFFFFFF;
        var iso = code / 1000;
        code %= 1000;
        hasZ |= iso is 1 or 3;
        hasM |= iso is 2 or 3;
        var dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
        switch (code)
        {
            case 1:
                {
                    var x = c.ReadDouble();
                    var y = c.ReadDouble();
                    c.Skip(8 * (dims - 2));
                    return double.IsNaN(x) && double.IsNaN(y) ? factory.CreatePoint() : factory.CreatePoint(new Coordinate(x, y));
                }

            case 2:
                return factory.CreateLineString(ReadSequence(ref c, dims));
            case 3:
                return ReadPolygon(ref c, factory, dims, ref paddedRings);
            case 4:
            case 5:
            case 6:
            case 7:
                {
                    var n = c.ReadCount();
                    var parts = new Geometry[n];
                    for (var i = 0; i < n; i++)
                    {
                        parts[i] = ReadGeometry(ref c, factory, ref paddedRings);
                    }

                    return code switch
                    {
                        4 => factory.CreateMultiPoint(Cast<Point>(parts)),
                        5 => factory.CreateMultiLineString(Cast<LineString>(parts)),
                        6 => factory.CreateMultiPolygon(Cast<Polygon>(parts)),
                        _ => factory.CreateGeometryCollection(parts),
                    };
                }

            default:
                throw new FormatException($"WKB geometry type {raw.ToString(CultureInfo.InvariantCulture)} is not supported (curves and surfaces are not)");
        }
    }

    private static T[] Cast<T>(Geometry[] parts)
        where T : Geometry
    {
        var result = new T[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = parts[i] as T ?? throw new FormatException($"a multi-geometry holds a {parts[i].GeometryType} where a {typeof(T).Name} is required");
        }

        return result;
    }

    private static Polygon ReadPolygon(ref WkbCursor c, GeometryFactory factory, int dims, ref int paddedRings)
    {
        var rings = c.ReadCount();
        if (rings == 0)
        {
            return factory.CreatePolygon();
        }

        var shell = Ring(factory, ReadSequence(ref c, dims), ref paddedRings);
        var holes = rings == 1 ? [] : new LinearRing[rings - 1];
        for (var i = 0; i < holes.Length; i++)
        {
            holes[i] = Ring(factory, ReadSequence(ref c, dims), ref paddedRings);
        }

        return factory.CreatePolygon(shell, holes);
    }

    /// <summary>A closed ring collapsed to fewer than 4 positions is padded by repeating its last position (see RingBuilder).</summary>
    private static LinearRing Ring(GeometryFactory factory, CoordinateSequence seq, ref int paddedRings)
    {
        var n = seq.Count;
        if (n is > 0 and < 4 && seq.GetX(0) == seq.GetX(n - 1) && seq.GetY(0) == seq.GetY(n - 1))
        {
            var padded = new Coordinate[4];
            for (var i = 0; i < 4; i++)
            {
                var k = Math.Min(i, n - 1);
                padded[i] = new Coordinate(seq.GetX(k), seq.GetY(k));
            }

            paddedRings++;
            return factory.CreateLinearRing(padded);
        }

        return factory.CreateLinearRing(seq);
    }

    /// <summary>
    /// The ring or line as an xy <see cref="CoordinateArraySequence"/>, built directly with dimension 2: the factory's
    /// <c>Create(Coordinate[])</c> would first scan every coordinate for its dimension.
    /// </summary>
    private static CoordinateArraySequence ReadSequence(ref WkbCursor c, int dims)
    {
        var n = c.ReadCount();
        var skip = 8 * (dims - 2);
        var coordinates = new Coordinate[n];
        for (var i = 0; i < n; i++)
        {
            var x = c.ReadDouble();
            var y = c.ReadDouble();
            c.Skip(skip);
            coordinates[i] = new Coordinate(x, y);
        }

        return new CoordinateArraySequence(coordinates, 2, 0);
    }

    private static int WkbSize(Geometry g) => g switch
    {
        Point => 5 + 16,
        LinearRing or LineString => 9 + (16 * ((LineString)g).NumPoints),
        Polygon p => 9 + (p.IsEmpty ? 0 : 4 + (16 * p.ExteriorRing.NumPoints)) + p.InteriorRings.Sum(r => 4 + (16 * r.NumPoints)),
        GeometryCollection gc => 9 + gc.Geometries.Sum(WkbSize),
        _ => throw new NotSupportedException($"Cannot write a {g.GeometryType}."),
    };

    private static void WriteWkb(Span<byte> s, ref int o, Geometry g)
    {
        s[o++] = 1; // little endian
        switch (g)
        {
            case Point p:
                WriteUInt(s, ref o, 1);
                WriteDouble(s, ref o, p.IsEmpty ? double.NaN : p.X);
                WriteDouble(s, ref o, p.IsEmpty ? double.NaN : p.Y);
                break;
            case LineString l:
                WriteUInt(s, ref o, 2);
                WriteSequence(s, ref o, l.CoordinateSequence);
                break;
            case Polygon p:
                WriteUInt(s, ref o, 3);
                if (p.IsEmpty)
                {
                    WriteUInt(s, ref o, 0);
                    break;
                }

                WriteUInt(s, ref o, (uint)(1 + p.NumInteriorRings));
                WriteSequence(s, ref o, p.ExteriorRing.CoordinateSequence);
                foreach (var hole in p.InteriorRings)
                {
                    WriteSequence(s, ref o, hole.CoordinateSequence);
                }

                break;
            case GeometryCollection gc:
                WriteUInt(s, ref o, gc switch { MultiPoint => 4u, MultiLineString => 5u, MultiPolygon => 6u, _ => 7u });
                WriteUInt(s, ref o, (uint)gc.NumGeometries);
                foreach (var part in gc.Geometries)
                {
                    WriteWkb(s, ref o, part);
                }

                break;
            default:
                throw new NotSupportedException($"Cannot write a {g.GeometryType}.");
        }
    }

    private static void WriteSequence(Span<byte> s, ref int o, CoordinateSequence seq)
    {
        WriteUInt(s, ref o, (uint)seq.Count);
        for (var i = 0; i < seq.Count; i++)
        {
            WriteDouble(s, ref o, seq.GetX(i));
            WriteDouble(s, ref o, seq.GetY(i));
        }
    }

    private static void WriteUInt(Span<byte> s, ref int o, uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(s[o..], v);
        o += 4;
    }

    private static void WriteDouble(Span<byte> s, ref int o, double v)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(s[o..], v);
        o += 8;
    }

    private ref struct WkbCursor(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _offset;
        private bool _little;

        public void ReadByteOrder()
        {
            Need(1);
            _little = _data[_offset++] switch
            {
                1 => true,
                0 => false,
                var b => throw new FormatException($"invalid WKB byte order {b.ToString(CultureInfo.InvariantCulture)}"),
            };
        }

        public uint ReadUInt32()
        {
            Need(4);
            var v = _little ? BinaryPrimitives.ReadUInt32LittleEndian(_data[_offset..]) : BinaryPrimitives.ReadUInt32BigEndian(_data[_offset..]);
            _offset += 4;
            return v;
        }

        public int ReadCount()
        {
            var n = ReadUInt32();
            if (n > (uint)(_data.Length - _offset))
            {
                throw new FormatException($"the WKB count {n.ToString(CultureInfo.InvariantCulture)} exceeds the blob size");
            }

            return (int)n;
        }

        public double ReadDouble()
        {
            Need(8);
            var v = _little ? BinaryPrimitives.ReadDoubleLittleEndian(_data[_offset..]) : BinaryPrimitives.ReadDoubleBigEndian(_data[_offset..]);
            _offset += 8;
            return v;
        }

        public void Skip(int bytes)
        {
            Need(bytes);
            _offset += bytes;
        }

        private readonly void Need(int bytes)
        {
            if (_offset + bytes > _data.Length)
            {
                throw new FormatException("the WKB is truncated");
            }
        }
    }
}
