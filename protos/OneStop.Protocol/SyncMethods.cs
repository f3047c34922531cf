namespace OneStop.Protocol;

/// <summary>Names of the onestop.sync.v1.Sync service and the full paths of its methods.</summary>
public static class SyncMethods
{
    public const string ServiceName = "onestop.sync.v1.Sync";

    public const string Hello = "/" + ServiceName + "/Hello";
    public const string Push = "/" + ServiceName + "/Push";
    public const string Pull = "/" + ServiceName + "/Pull";
    public const string UploadAttachment = "/" + ServiceName + "/UploadAttachment";
    public const string QueryAttachment = "/" + ServiceName + "/QueryAttachment";
    public const string Digest = "/" + ServiceName + "/Digest";
    public const string RepairPush = "/" + ServiceName + "/RepairPush";
    public const string RepairFetch = "/" + ServiceName + "/RepairFetch";
}
