// The resource catalog's bytes (scripts/generate-catalog writes catalog.bin), embedded at
// compile time: a 2.6 MB Swift literal would take minutes to type-check; #embed takes none.
#include "CResourceCatalog.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc23-extensions"
static const unsigned char catalog[] = {
#embed "catalog.bin"
};
#pragma clang diagnostic pop

const unsigned char *infra_catalog_bytes(void) { return catalog; }
unsigned long infra_catalog_size(void) { return sizeof(catalog); }
