namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// R's <c>pretty(x, n)</c> (base R <c>pretty.default</c> with its defaults <c>min.n = n %/% 3</c>,
/// <c>shrink.sml = 0.75</c>, <c>high.u.bias = 1.5</c>, <c>u5.bias = 0.5 + 1.5·high.u.bias</c>,
/// <c>eps.correct = 0</c>), re-implemented from the published algorithm description.
/// </summary>
/// <remarks>
/// 1. <c>cell = (max − min)/n</c> (or, for a range that is tiny relative to the magnitude, a shrunken
/// magnitude). 2. <c>base = 10^⌊log10 cell⌋</c>; the unit is base, 2·base, 5·base or 10·base, moving up a step
/// while <c>next − cell &lt; bias·(cell − unit)</c> (bias 1.5 for 2 and 10, 2.75 for 5). 3. The bounds are
/// <c>⌊min/unit⌋·unit</c> and <c>⌈max/unit⌉·unit</c> (with a 1e−10 rounding tolerance), widened to at least
/// <c>min.n</c> intervals. 4. The breaks are the equally spaced sequence between the bounds.
/// </remarks>
internal static class PrettyBreaks
{
    private const double RoundingEps = 1e-10;
    private const double DblEpsilon = 2.220446049250313e-16; // C DBL_EPSILON (not .NET double.Epsilon)

    internal static double[] Compute(double lo, double up, int n)
    {
        var minN = n / 3;
        const double shrink = 0.75;
        const double h = 1.5;
        const double h5 = 0.5 + (1.5 * h);
        var dx = up - lo;
        double cell;
        bool small;
        if (dx == 0 && up == 0)
        {
            cell = 1;
            small = true;
        }
        else
        {
            cell = Math.Max(Math.Abs(lo), Math.Abs(up));
            var u = 1 + ((h5 >= (1.5 * h) + 0.5) ? 1 / (1 + h) : 1.5 / (1 + h5));
            u *= Math.Max(1, n) * DblEpsilon;
            small = dx < cell * u * 3;
        }

        if (small)
        {
            if (cell > 10)
            {
                cell = 9 + (cell / 10);
            }

            cell *= shrink;
            if (minN > 1)
            {
                cell /= minN;
            }
        }
        else
        {
            cell = dx;
            if (n > 1)
            {
                cell /= n;
            }
        }

        var baseUnit = Math.Pow(10.0, Math.Floor(Math.Log10(cell)));
        var unit = baseUnit;
        double ns;
        if ((ns = 2 * baseUnit) - cell < h * (cell - unit))
        {
            unit = ns;
            if ((ns = 5 * baseUnit) - cell < h5 * (cell - unit))
            {
                unit = ns;
                if ((ns = 10 * baseUnit) - cell < h * (cell - unit))
                {
                    unit = ns;
                }
            }
        }

        var nsLo = Math.Floor((lo / unit) + RoundingEps);
        var nuUp = Math.Ceiling((up / unit) - RoundingEps);
        while (nsLo * unit > lo + (RoundingEps * unit))
        {
            nsLo--;
        }

        while (nuUp * unit < up - (RoundingEps * unit))
        {
            nuUp++;
        }

        var k = (int)(0.5 + nuUp - nsLo);
        if (k < minN)
        {
            k = minN - k;
            if (nsLo >= 0)
            {
                nuUp += k / 2;
                nsLo -= (k / 2) + (k % 2);
            }
            else
            {
                nsLo -= k / 2;
                nuUp += (k / 2) + (k % 2);
            }

            k = minN;
        }

        var from = Math.Min(lo, nsLo * unit);
        var to = Math.Max(up, nuUp * unit);
        var b = new double[k + 1];
        var by = (to - from) / k;
        b[0] = from;
        for (var i = 1; i < k; i++)
        {
            b[i] = from + (i * by);
            if (Math.Abs(b[i]) < 1e-14 * by)
            {
                b[i] = 0;
            }
        }

        b[k] = to;
        return b;
    }
}
