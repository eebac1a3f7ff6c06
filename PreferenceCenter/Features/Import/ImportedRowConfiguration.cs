using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Import;

public sealed class ImportedRowConfiguration : IEntityTypeConfiguration<ImportedRow>
{
    public void Configure(EntityTypeBuilder<ImportedRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(ImportedRow.KeyLength).IsFixedLength();
    }
}
