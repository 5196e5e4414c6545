using System.Runtime.Versioning;

// The hub runs on Debian; the tests check POSIX file modes of exported files.
[assembly: UnsupportedOSPlatform("windows")]
