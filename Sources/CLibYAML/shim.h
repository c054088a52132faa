// The system libyaml (Debian: libyaml-dev, Homebrew: libyaml); never a vendored copy.
#include <yaml.h>
