#ifndef INFRA_CRESOURCECATALOG_H
#define INFRA_CRESOURCECATALOG_H

/// The generated resource catalog (see scripts/generate-catalog for its format).
const unsigned char *infra_catalog_bytes(void);
unsigned long infra_catalog_size(void);

#endif
