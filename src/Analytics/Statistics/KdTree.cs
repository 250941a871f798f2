namespace GeoPrevention.Analytics.Statistics;

/// <summary>A static 2-d tree over points for k-nearest-neighbour queries (implicit layout, median splits).</summary>
internal sealed class KdTree
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int[] _perm;

    // Query state (single-threaded use).
    private double[] _heapD = [];
    private int[] _heapI = [];
    private int _heapCount;
    private int _self;
    private double _qx;
    private double _qy;

    public KdTree(double[] x, double[] y)
    {
        _x = x;
        _y = y;
        _perm = new int[x.Length];
        for (var i = 0; i < _perm.Length; i++)
        {
            _perm[i] = i;
        }

        Build(0, _perm.Length, 0);
    }

    /// <summary>Writes the k nearest other points of point <paramref name="self"/> into <paramref name="result"/>.</summary>
    public void Nearest(int self, int k, int[] result)
    {
        if (_heapD.Length != k)
        {
            _heapD = new double[k];
            _heapI = new int[k];
        }

        _heapCount = 0;
        _self = self;
        _qx = _x[self];
        _qy = _y[self];
        Search(0, _perm.Length, 0);
        Array.Copy(_heapI, result, k);
    }

    private void Build(int lo, int hi, int depth)
    {
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            Select(lo, hi - 1, mid, (depth & 1) == 0 ? _x : _y);
            Build(lo, mid, depth + 1);
            lo = mid + 1;
            depth++;
        }
    }

    private void Select(int left, int right, int k, double[] key)
    {
        while (right > left)
        {
            var pivot = key[_perm[(left + right) >>> 1]];
            int i = left, j = right;
            while (i <= j)
            {
                while (key[_perm[i]] < pivot)
                {
                    i++;
                }

                while (key[_perm[j]] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (_perm[i], _perm[j]) = (_perm[j], _perm[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private void Search(int lo, int hi, int depth)
    {
        if (lo >= hi)
        {
            return;
        }

        var mid = (lo + hi) >>> 1;
        var p = _perm[mid];
        if (p != _self)
        {
            var dx = _x[p] - _qx;
            var dy = _y[p] - _qy;
            Offer((dx * dx) + (dy * dy), p);
        }

        var diff = (depth & 1) == 0 ? _qx - _x[p] : _qy - _y[p];
        int nearLo, nearHi, farLo, farHi;
        if (diff < 0)
        {
            (nearLo, nearHi, farLo, farHi) = (lo, mid, mid + 1, hi);
        }
        else
        {
            (nearLo, nearHi, farLo, farHi) = (mid + 1, hi, lo, mid);
        }

        Search(nearLo, nearHi, depth + 1);
        if (_heapCount < _heapD.Length || (diff * diff) <= _heapD[0])
        {
            Search(farLo, farHi, depth + 1);
        }
    }

    // Max-heap on (distance, index): the root is the worst of the current k candidates.
    private static bool Worse(double d1, int i1, double d2, int i2) => d1 > d2 || (d1 == d2 && i1 > i2);

    private void Offer(double d, int idx)
    {
        var k = _heapD.Length;
        if (_heapCount < k)
        {
            var c = _heapCount++;
            while (c > 0)
            {
                var parent = (c - 1) >> 1;
                if (!Worse(d, idx, _heapD[parent], _heapI[parent]))
                {
                    break;
                }

                _heapD[c] = _heapD[parent];
                _heapI[c] = _heapI[parent];
                c = parent;
            }

            _heapD[c] = d;
            _heapI[c] = idx;
            return;
        }

        if (!Worse(_heapD[0], _heapI[0], d, idx))
        {
            return;
        }

        var pos = 0;
        while (true)
        {
            var l = (2 * pos) + 1;
            if (l >= k)
            {
                break;
            }

            var r = l + 1;
            var big = r < k && Worse(_heapD[r], _heapI[r], _heapD[l], _heapI[l]) ? r : l;
            if (!Worse(_heapD[big], _heapI[big], d, idx))
            {
                break;
            }

            _heapD[pos] = _heapD[big];
            _heapI[pos] = _heapI[big];
            pos = big;
        }

        _heapD[pos] = d;
        _heapI[pos] = idx;
    }
}
