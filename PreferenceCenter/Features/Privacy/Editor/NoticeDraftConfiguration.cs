using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PreferenceCenter.Features.Privacy.Editor;

internal sealed class NoticeDraftConfiguration : IEntityTypeConfiguration<NoticeDraft>
{
    public void Configure(EntityTypeBuilder<NoticeDraft> builder)
    {
        builder.HasIndex(d => d.BasedOn).IsUnique();
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.Property(d => d.SavedBy).HasMaxLength(100);
    }
}
