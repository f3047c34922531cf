using System.Runtime.CompilerServices;

// The framing helpers are internal; their edge cases are tested directly.
[assembly: InternalsVisibleTo("OneStop.Protocol.Tests")]
