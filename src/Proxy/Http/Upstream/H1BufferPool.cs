namespace Proxy.Http.Upstream;

/// <summary>
/// The 32 KiB read buffers of server connections (<see cref="H1StreamReader"/>): one is taken when a response starts
/// arriving and given back once it was consumed. ArrayPool.Shared keeps about 32 arrays of a size per core, fewer
/// than the exchanges in flight under load (64 in bench/run.sh), so most rents allocated a new 32 KiB array: 9-13 KB
/// of garbage per request and a gen0 collection every 100 ms (bench/RESULTS.md). <see cref="Shared"/> keeps up to
/// 256 free buffers (8 MiB); beyond that a returned buffer is left to the GC.
/// </summary>
internal sealed class H1BufferPool(int capacity)
{
    public const int BufferSize = 32 * 1024;

    private readonly byte[]?[] _free = new byte[]?[capacity];
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>The pool of every server connection.</summary>
    public static H1BufferPool Shared { get; } = new(256);

    /// <summary>A buffer of <see cref="BufferSize"/> bytes (contents undefined).</summary>
    public byte[] Rent()
    {
        lock (_gate)
        {
            if (_count > 0)
            {
                var buffer = _free[--_count]!;
                _free[_count] = null;
                return buffer;
            }
        }

        return GC.AllocateUninitializedArray<byte>(BufferSize);
    }

    /// <summary>Gives back a buffer from <see cref="Rent"/>; other sizes are ignored.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length != BufferSize)
        {
            return;
        }

        lock (_gate)
        {
            if (_count < _free.Length)
            {
                _free[_count++] = buffer;
            }
        }
    }
}
