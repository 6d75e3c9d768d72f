namespace Alpr.Edge.Bridge.Storage;

/// <summary>An agency the department may share reads and hits with, once an administrator has verified it.</summary>
/// <param name="Ori">The agency's ORI (originating agency identifier).</param>
/// <param name="Name">Its name.</param>
/// <param name="Contact">Who to contact there (name, phone, e-mail).</param>
/// <param name="RegisteredBy">Who registered it.</param>
/// <param name="RegisteredAt">When.</param>
/// <param name="VerifiedBy">The administrator who verified it, or null while unverified.</param>
/// <param name="VerifiedAt">When it was verified.</param>
public sealed record PartnerAgency(
    string Ori, string Name, string Contact, string RegisteredBy, DateTimeOffset RegisteredAt, string? VerifiedBy, DateTimeOffset? VerifiedAt)
{
    /// <summary>Whether an administrator verified the agency; only verified agencies can be shared with.</summary>
    public bool IsVerified => VerifiedBy is not null;
}
