using System.Text.Json;
using System.Text.Json.Serialization;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Web;

/// <summary>Source-generated JSON for the API: camelCase, enums as strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredRead))]
[JsonSerializable(typeof(StoredHit))]
[JsonSerializable(typeof(IReadOnlyList<StoredRead>))]
[JsonSerializable(typeof(IReadOnlyList<StoredHit>))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(IReadOnlyList<DeadLetter>))]
[JsonSerializable(typeof(IReadOnlyList<StoredEvent>))]
[JsonSerializable(typeof(IReadOnlyList<DeviceSummary>))]
[JsonSerializable(typeof(HoldCommandRequest))]
[JsonSerializable(typeof(CommandAccepted))]
[JsonSerializable(typeof(LegalHold))]
[JsonSerializable(typeof(IReadOnlyList<LegalHold>))]
[JsonSerializable(typeof(Holds.HoldRequest))]
[JsonSerializable(typeof(Holds.HoldRelease))]
[JsonSerializable(typeof(HoldPlaced))]
[JsonSerializable(typeof(HoldReleased))]
[JsonSerializable(typeof(EvidenceExportRequest))]
[JsonSerializable(typeof(EvidenceExported))]
[JsonSerializable(typeof(IReadOnlyList<Transfers.DeviceTransferStatus>))]
[JsonSerializable(typeof(IReadOnlyList<TransferAlert>))]
[JsonSerializable(typeof(SearchPage<StoredRead>))]
[JsonSerializable(typeof(SearchPage<HitView>))]
[JsonSerializable(typeof(HitView))]
[JsonSerializable(typeof(IReadOnlyList<Access.Purposes.PurposeOption>))]
[JsonSerializable(typeof(IReadOnlyList<HitView>))]
[JsonSerializable(typeof(DispositionRequest))]
[JsonSerializable(typeof(IReadOnlyList<HitDispositionRecord>))]
[JsonSerializable(typeof(HitActionable))]
[JsonSerializable(typeof(IReadOnlyList<MisreadWeek>))]
[JsonSerializable(typeof(PartnerRequest))]
[JsonSerializable(typeof(PartnerAgency))]
[JsonSerializable(typeof(IReadOnlyList<PartnerAgency>))]
[JsonSerializable(typeof(ShareRequest))]
[JsonSerializable(typeof(Share))]
[JsonSerializable(typeof(IReadOnlyList<Share>))]
[JsonSerializable(typeof(RecordsRequestBody))]
[JsonSerializable(typeof(RecordsStatusBody))]
[JsonSerializable(typeof(RecordsRequest))]
[JsonSerializable(typeof(IReadOnlyList<RecordsRequest>))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(CodeRequest))]
[JsonSerializable(typeof(PasswordChangeRequest))]
[JsonSerializable(typeof(SignInProgress))]
[JsonSerializable(typeof(AntiforgeryToken))]
[JsonSerializable(typeof(MeResponse))]
public sealed partial class BridgeJson : JsonSerializerContext;
