using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alpr.Edge.Hotlists.Bundles;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class BundleTests : IDisposable
{
    private readonly TestBundles _bundles = new();

    [Fact]
    public void A_signed_bundle_verifies_and_gives_back_its_document()
    {
        var entry = Entry("7AB?1*") with { IssuingState = "CA", DetailsFromClets = true, CletsReference = "ref-1", CaseNumber = "C-9", EnteredBy = "officer1", ExpiresAt = Now.AddDays(3) };
        var bundle = _bundles.Sign(5, entry, Entry("4XYZ567"));

        var result = Verifier().Verify(bundle, runningVersion: 0);

        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal(5, result.Document!.ListVersion);
        Assert.Equal("test-bridge", result.Document.Issuer);
        Assert.Equal([entry, Entry("4XYZ567")], result.Document.Entries);
        Assert.Equal(_bundles.Signer.KeyId, result.KeyId);
    }

    [Fact]
    public void A_payload_changed_after_signing_is_refused()
    {
        var envelope = JsonNode.Parse(_bundles.Sign(5))!;
        var payload = Convert.FromBase64String(envelope["payload"]!.GetValue<string>());
        payload[^5] ^= 0x01;
        envelope["payload"] = Convert.ToBase64String(payload);

        Assert.Equal(BundleRejectionReason.BadSignature, Verifier().Verify(Bytes(envelope), 0).Reason);
    }

    [Fact]
    public void A_payload_swapped_for_another_signed_one_is_refused()
    {
        var first = JsonNode.Parse(_bundles.Sign(5))!;
        var second = JsonNode.Parse(_bundles.Sign(6, Entry("4XYZ567")))!;
        first["payload"] = second["payload"]!.GetValue<string>();

        Assert.Equal(BundleRejectionReason.BadSignature, Verifier().Verify(Bytes(first), 0).Reason);
    }

    [Fact]
    public void An_unsigned_bundle_is_refused()
    {
        var envelope = JsonNode.Parse(_bundles.Sign(5))!.AsObject();
        envelope.Remove("signature");

        var result = Verifier().Verify(Bytes(envelope), 0);

        Assert.Equal(BundleRejectionReason.NotSigned, result.Reason);
        Assert.Equal("bundle is not signed", result.Message);
    }

    [Fact]
    public void A_bundle_signed_by_an_untrusted_key_is_refused_naming_the_key()
    {
        using var other = new TestBundles();

        var result = Verifier().Verify(other.Sign(5), 0);

        Assert.Equal(BundleRejectionReason.UnknownKey, result.Reason);
        Assert.Contains(other.Signer.KeyId, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_signed_by_another_key_under_the_trusted_key_id_is_refused()
    {
        using var other = new TestBundles();
        var envelope = JsonNode.Parse(other.Sign(5))!;
        envelope["keyId"] = _bundles.Signer.KeyId;

        Assert.Equal(BundleRejectionReason.BadSignature, Verifier().Verify(Bytes(envelope), 0).Reason);
    }

    [Fact]
    public void Any_of_several_trusted_keys_verifies()
    {
        using var other = new TestBundles();
        var verifier = new HotlistBundleVerifier([other.PublicKey, _bundles.PublicKey]);

        Assert.True(verifier.Verify(_bundles.Sign(5), 0).IsAccepted);
        Assert.True(verifier.Verify(other.Sign(5), 0).IsAccepted);
    }

    [Fact]
    public void An_older_version_than_the_running_one_is_refused_as_a_rollback()
    {
        var result = Verifier().Verify(_bundles.Sign(5), runningVersion: 6);

        Assert.Equal(BundleRejectionReason.Rollback, result.Reason);
        Assert.Contains("version 5 is older than version 6", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_running_version_again_is_not_installed()
    {
        Assert.Equal(BundleRejectionReason.AlreadyRunning, Verifier().Verify(_bundles.Sign(5), runningVersion: 5).Reason);
    }

    [Fact]
    public void An_oversized_bundle_is_refused_before_parsing()
    {
        var verifier = new HotlistBundleVerifier([_bundles.PublicKey], new HotlistBundleLimits { MaxBundleBytes = 100 });

        var result = verifier.Verify(_bundles.Sign(5), 0);

        Assert.Equal(BundleRejectionReason.Oversized, result.Reason);
    }

    [Fact]
    public void A_payload_that_decompresses_past_the_limit_is_refused()
    {
        var entries = Enumerable.Range(0, 2000).Select(i => Entry($"{i:D7}", id: $"id-{i}")).ToArray();
        var verifier = new HotlistBundleVerifier([_bundles.PublicKey], new HotlistBundleLimits { MaxDocumentBytes = 10_000 });

        var result = verifier.Verify(_bundles.Sign(5, entries), 0);

        Assert.Equal(BundleRejectionReason.Oversized, result.Reason);
        Assert.Contains("decompressed", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"format\":\"alpr-hotlist-bundle/1\",")]
    public void Malformed_json_is_refused(string bundle)
    {
        Assert.Equal(BundleRejectionReason.Malformed, Verifier().Verify(Encoding.UTF8.GetBytes(bundle), 0).Reason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"format\":\"alpr-hotlist-bundle/1\"}")]
    [InlineData("{\"format\":\"alpr-hotlist-bundle/2\",\"algorithm\":\"ES256\",\"encoding\":\"gzip\",\"payload\":\"AA==\",\"signature\":\"AA==\"}")]
    [InlineData("{\"format\":\"alpr-hotlist-bundle/1\",\"algorithm\":\"RS256\",\"encoding\":\"gzip\",\"payload\":\"AA==\",\"signature\":\"AA==\"}")]
    [InlineData("{\"format\":\"alpr-hotlist-bundle/1\",\"algorithm\":\"ES256\",\"encoding\":\"gzip\",\"payload\":\"AA==\",\"signature\":\"AA==\",\"extra\":1}")]
    [InlineData("{\"format\":\"alpr-hotlist-bundle/1\",\"algorithm\":\"ES256\",\"encoding\":\"gzip\",\"payload\":12}")]
    public void Json_of_the_wrong_schema_is_refused(string bundle)
    {
        Assert.Equal(BundleRejectionReason.WrongSchema, Verifier().Verify(Encoding.UTF8.GetBytes(bundle), 0).Reason);
    }

    [Fact]
    public void A_signed_payload_that_is_not_gzip_is_refused_as_malformed()
    {
        var result = Verifier().Verify(_bundles.Signer.SignPayload(Encoding.UTF8.GetBytes("{}")), 0);

        Assert.Equal(BundleRejectionReason.Malformed, result.Reason);
    }

    [Theory]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[],\"x\":1}", BundleRejectionReason.WrongSchema)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\"}", BundleRejectionReason.WrongSchema)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":\"one\",\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[]}", BundleRejectionReason.WrongSchema)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[{\"id\":\"1\",\"plate\":\"7ABC123\",\"list\":\"l\"}]}", BundleRejectionReason.WrongSchema)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[{\"id\":\"1\",\"plate\":\"7ABC123\",\"list\":\"l\",\"category\":\"warrant\",\"match\":\"loose\"}]}", BundleRejectionReason.WrongSchema)]
    [InlineData("{\"schema\":\"alpr-hotlist/2\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[]}", BundleRejectionReason.InvalidContent)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[{\"id\":\"1\",\"plate\":\"7abc 123\",\"list\":\"l\",\"category\":\"warrant\"}]}", BundleRejectionReason.InvalidContent)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[{\"id\":\"1\",\"plate\":\"7ABC123\",\"list\":\"l\",\"category\":\"warrant\",\"fromClets\":true}]}", BundleRejectionReason.InvalidContent)]
    [InlineData("{\"schema\":\"alpr-hotlist/1\",\"listVersion\":1,\"issuedAt\":\"2026-03-01T00:00:00Z\",\"issuer\":\"b\",\"entries\":[{\"id\":\"1\",\"plate\":\"7ABC123\",\"list\":\"l\",\"category\":\"warrant\"},{\"id\":\"1\",\"plate\":\"4XYZ567\",\"list\":\"l\",\"category\":\"warrant\"}]}", BundleRejectionReason.InvalidContent)]
    public void A_signed_document_that_breaks_the_schema_or_the_rules_is_refused(string document, BundleRejectionReason reason)
    {
        var result = Verifier().Verify(_bundles.Signer.SignPayload(Gzip(document)), 0);

        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void The_signer_refuses_a_document_a_device_would_refuse()
    {
        var ex = Assert.Throws<ArgumentException>(() => _bundles.Sign(5, Entry("7ABC123"), Entry("7ABC123")));

        Assert.Contains("appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signer_refuses_keys_other_than_p256()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => new HotlistBundleSigner(p384));
    }

    [Fact]
    public void A_public_key_pem_is_read_and_names_the_same_key_id()
    {
        var spki = SigningKeys.ReadPublicKeyPem(_bundles.PublicKeyPem);

        Assert.Equal(_bundles.Signer.KeyId, SigningKeys.KeyId(spki));
        Assert.Equal(16, _bundles.Signer.KeyId.Length);
    }

    public void Dispose() => _bundles.Dispose();

    private HotlistBundleVerifier Verifier() => new([_bundles.PublicKey]);

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
