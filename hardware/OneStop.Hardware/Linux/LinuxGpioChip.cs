using System.Text;
using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Linux;

/// <summary>
/// <c>/dev/gpiochipN</c> through the character-device uAPI v2 (Linux 5.10+), without libgpiod.
/// Chips are found by label because numbering moves between boards and kernels (Pi 5 after 6.6.45).
/// </summary>
public sealed unsafe class LinuxGpioChip : IGpioChip
{
    private readonly FileDescriptorStream _file;

    private LinuxGpioChip(FileDescriptorStream file, string name, string label, int lineCount)
    {
        _file = file;
        Name = name;
        Label = label;
        LineCount = lineCount;
    }

    public string Name { get; }

    public string Label { get; }

    public int LineCount { get; }

    public static LinuxGpioChip Open(string path)
    {
        var file = FileDescriptorStream.Open(path, FileAccess.ReadWrite);
        try
        {
            GpioNative.GpioChipInfo info;
            if (Libc.Ioctl(file.Handle, GpioNative.GetChipInfoIoctl, &info) < 0)
            {
                throw Libc.LastError("GPIO_GET_CHIPINFO", path);
            }

            return new LinuxGpioChip(file, CString(info.Name), CString(info.Label), (int)info.Lines);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens the first <c>/dev/gpiochip*</c> whose label matches, e.g. <c>pinctrl-bcm2711</c> or <c>pinctrl-rp1</c>.</summary>
    public static LinuxGpioChip OpenByLabel(string label, string deviceDirectory = "/dev")
    {
        var candidates = Directory.Exists(deviceDirectory)
            ? Directory.GetFiles(deviceDirectory, "gpiochip*").Order(StringComparer.Ordinal).ToArray()
            : [];
        var seen = new List<string>();
        foreach (var path in candidates)
        {
            LinuxGpioChip chip;
            try
            {
                chip = Open(path);
            }
            catch (IOException)
            {
                continue;
            }

            if (string.Equals(chip.Label, label, StringComparison.Ordinal))
            {
                return chip;
            }

            seen.Add($"{chip.Name}={chip.Label}");
            chip.Dispose();
        }

        throw new IOException(seen.Count == 0
            ? $"no GPIO chip labelled '{label}': no readable {deviceDirectory}/gpiochip*"
            : $"no GPIO chip labelled '{label}' (found {string.Join(", ", seen)})");
    }

    public IGpioLine RequestOutput(int offset, bool initialValue, string consumer)
    {
        var request = NewRequest(offset, consumer, GpioNative.FlagOutput);
        request.Config.NumAttrs = 1;
        request.Config.Attr0.Attr.Id = GpioNative.AttrIdOutputValues;
        request.Config.Attr0.Attr.Value = initialValue ? 1UL : 0UL;
        request.Config.Attr0.Mask = 1;
        return Request(ref request, offset);
    }

    public IGpioLine RequestInput(int offset, GpioBias bias, string consumer)
    {
        var flags = GpioNative.FlagInput | bias switch
        {
            GpioBias.PullUp => GpioNative.FlagBiasPullUp,
            GpioBias.PullDown => GpioNative.FlagBiasPullDown,
            GpioBias.Disabled => GpioNative.FlagBiasDisabled,
            _ => 0UL,
        };
        var request = NewRequest(offset, consumer, flags);
        return Request(ref request, offset);
    }

    public void Dispose() => _file.Dispose();

    internal static GpioNative.GpioV2LineRequest NewRequest(int offset, string consumer, ulong flags)
    {
        var request = default(GpioNative.GpioV2LineRequest);
        request.Offsets[0] = (uint)offset;
        request.NumLines = 1;
        request.Config.Flags = flags;
        var bytes = Encoding.ASCII.GetBytes(consumer);
        for (var i = 0; i < Math.Min(bytes.Length, GpioNative.MaxNameSize - 1); i++)
        {
            request.Consumer[i] = bytes[i];
        }

        return request;
    }

    private LinuxGpioLine Request(ref GpioNative.GpioV2LineRequest request, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, LineCount);
        fixed (GpioNative.GpioV2LineRequest* pointer = &request)
        {
            if (Libc.Ioctl(_file.Handle, GpioNative.GetLineIoctl, pointer) < 0)
            {
                throw Libc.LastError($"GPIO_V2_GET_LINE {offset}", _file.Path);
            }
        }

        return new LinuxGpioLine(new FileDescriptorStream(request.Fd, $"{_file.Path}:{offset}"), offset);
    }

    private static string CString(byte* text)
    {
        var length = 0;
        while (length < GpioNative.MaxNameSize && text[length] != 0)
        {
            length++;
        }

        return Encoding.ASCII.GetString(text, length);
    }
}
