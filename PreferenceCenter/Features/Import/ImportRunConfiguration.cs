using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Import;

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameMaxLength);
        builder.Property(r => r.FileHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.ActorId).HasMaxLength(100);
        builder.Property(r => r.ProcessedThroughLine).IsConcurrencyToken();
        builder.Ignore(r => r.Actor);
        builder.HasIndex(r => new { r.State, r.CreatedAt });
    }
}
