namespace Moci.Ingest.Storage;

/// <summary>What one batch adds to one period's rollup. A mutable value kept in a dictionary by reference while a batch is written.</summary>
internal struct RollupDelta
{
    public long Count;
    public long ValidCount;
    public double ValidSum;

    /// <summary>Meaningful only when <see cref="ValidCount"/> is above 0.</summary>
    public double ValidMin;

    /// <summary>Meaningful only when <see cref="ValidCount"/> is above 0.</summary>
    public double ValidMax;

    public void Add(double value, bool valid)
    {
        Count++;
        if (!valid)
        {
            return;
        }

        if (ValidCount == 0 || value < ValidMin)
        {
            ValidMin = value;
        }

        if (ValidCount == 0 || value > ValidMax)
        {
            ValidMax = value;
        }

        ValidCount++;
        ValidSum += value;
    }

    public void Merge(in RollupDelta other)
    {
        if (other.ValidCount > 0)
        {
            ValidMin = ValidCount == 0 || other.ValidMin < ValidMin ? other.ValidMin : ValidMin;
            ValidMax = ValidCount == 0 || other.ValidMax > ValidMax ? other.ValidMax : ValidMax;
        }

        Count += other.Count;
        ValidCount += other.ValidCount;
        ValidSum += other.ValidSum;
    }
}
