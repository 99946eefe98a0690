using System.Runtime.InteropServices;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// What kind of file a path names, as the kernel says. .NET has no API for it, and it matters:
/// opening a FIFO for reading blocks until someone writes to it, and a device such as
/// <c>/dev/zero</c> never ends, so those are refused before they are opened.
/// </summary>
internal static class FileKind
{
    private const int AtCurrentDirectory = -100; // AT_FDCWD
    private const uint StatxType = 0x1;           // STATX_TYPE: only the file type is asked for
    private const int ModeOffset = 28;            // stx_mode in struct statx, the same on every architecture
    private const int TypeMask = 0xF000;          // S_IFMT
    private const int Regular = 0x8000;           // S_IFREG

    /// <summary>
    /// True for a regular file (symbolic links followed), false for anything else: a device, a FIFO,
    /// a socket, a directory. Null where the kernel cannot be asked (not Linux, or no such path).
    /// </summary>
    public static bool? IsRegular(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        // statx (Linux 4.11, glibc 2.28) has one layout on every architecture, unlike stat.
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Regular;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one call
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
