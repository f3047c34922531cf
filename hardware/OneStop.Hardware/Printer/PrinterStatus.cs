namespace OneStop.Hardware.Printer;

public readonly record struct PrinterStatus(bool Online, bool CoverOpen, bool PaperNearEnd, bool PaperOut);
