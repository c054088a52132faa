/* bench/yaml/libyaml_floor.c: what libyaml alone costs to write a template, the floor under
 * infra's emission (issue 17). It reads a YAML file's events into memory, then hands the same
 * events to libyaml's emitter with the settings InfraYAML's Emitter uses (unicode, no folding,
 * indent 2, LF), each scalar event built as InfraYAML builds it, and counts nothing else: bench/instructions.py runs it under callgrind with
 * --toggle-collect=emit_events, so only that function's instructions are collected (libyaml's
 * event copies, its analysis and writing, the output buffer).
 *
 * The re-emitted text lacks infra's header comment and its indented block sequences (libyaml
 * writes them indentless), so it is a few percent shorter than infra's: the floor is, if
 * anything, too low.
 *
 *     cc -O2 bench/yaml/libyaml_floor.c -lyaml -o /tmp/libyaml-floor
 *     /tmp/libyaml-floor TEMPLATE.yaml >/dev/null    # prints events and bytes to stderr
 */
#include <yaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    yaml_event_type_t type;
    char *tag;
    char *value;
    size_t length;
    int plain_implicit, quoted_implicit, implicit, style;
} stored_event;

static stored_event *events;
static size_t event_count, event_capacity;
static unsigned char *output;
static size_t output_length, output_capacity;

static void *checked(void *pointer) {
    if (!pointer) { fputs("libyaml_floor: out of memory\n", stderr); exit(2); }
    return pointer;
}

static char *copied(const yaml_char_t *text, size_t length) {
    if (!text) return NULL;
    char *copy = checked(malloc(length + 1));
    memcpy(copy, text, length);
    copy[length] = 0;
    return copy;
}

static int append_output(void *data, unsigned char *buffer, size_t size) {
    (void)data;
    if (output_length + size > output_capacity) {
        output_capacity = (output_length + size) * 2;
        output = checked(realloc(output, output_capacity));
    }
    memcpy(output + output_length, buffer, size);
    output_length += size;
    return 1;
}

static void store(const yaml_event_t *event) {
    if (event_count == event_capacity) {
        event_capacity = event_capacity ? event_capacity * 2 : 4096;
        events = checked(realloc(events, event_capacity * sizeof *events));
    }
    stored_event *stored = &events[event_count++];
    memset(stored, 0, sizeof *stored);
    stored->type = event->type;
    switch (event->type) {
    case YAML_DOCUMENT_START_EVENT:
        stored->implicit = event->data.document_start.implicit;
        break;
    case YAML_SCALAR_EVENT:
        stored->value = copied(event->data.scalar.value, event->data.scalar.length);
        stored->length = event->data.scalar.length;
        if (event->data.scalar.tag) stored->tag = copied(event->data.scalar.tag, strlen((char *)event->data.scalar.tag));
        stored->plain_implicit = event->data.scalar.plain_implicit;
        stored->quoted_implicit = event->data.scalar.quoted_implicit;
        stored->style = event->data.scalar.style;
        break;
    case YAML_SEQUENCE_START_EVENT:
        if (event->data.sequence_start.tag) stored->tag = copied(event->data.sequence_start.tag, strlen((char *)event->data.sequence_start.tag));
        stored->implicit = event->data.sequence_start.implicit;
        stored->style = event->data.sequence_start.style;
        break;
    case YAML_MAPPING_START_EVENT:
        if (event->data.mapping_start.tag) stored->tag = copied(event->data.mapping_start.tag, strlen((char *)event->data.mapping_start.tag));
        stored->implicit = event->data.mapping_start.implicit;
        stored->style = event->data.mapping_start.style;
        break;
    default:
        break;
    }
}

/* A scalar event as InfraYAML's LibYAMLEvents builds it: what yaml_scalar_event_initialize
 * builds, copies allocated as libyaml allocates them (it frees them), without its UTF-8 check
 * (infra's text comes from Swift strings, valid UTF-8 by construction). */
static int scalar_event(yaml_event_t *event, const stored_event *stored) {
    yaml_char_t *tag = NULL;
    if (stored->tag && !(tag = (yaml_char_t *)strdup(stored->tag))) return 0;
    yaml_char_t *value = malloc(stored->length + 1);
    if (!value) { free(tag); return 0; }
    memcpy(value, stored->value, stored->length);
    value[stored->length] = 0;
    memset(event, 0, sizeof *event);
    event->type = YAML_SCALAR_EVENT;
    event->data.scalar.tag = tag;
    event->data.scalar.value = value;
    event->data.scalar.length = stored->length;
    event->data.scalar.plain_implicit = stored->plain_implicit;
    event->data.scalar.quoted_implicit = stored->quoted_implicit;
    event->data.scalar.style = (yaml_scalar_style_t)stored->style;
    return 1;
}

/* The only function callgrind counts. */
__attribute__((noinline)) static void emit_events(void) {
    yaml_emitter_t emitter;
    if (!yaml_emitter_initialize(&emitter)) exit(2);
    yaml_emitter_set_unicode(&emitter, 1);
    yaml_emitter_set_width(&emitter, -1);
    yaml_emitter_set_indent(&emitter, 2);
    yaml_emitter_set_break(&emitter, YAML_LN_BREAK);
    yaml_emitter_set_output(&emitter, append_output, NULL);
    for (size_t index = 0; index < event_count; index++) {
        const stored_event *stored = &events[index];
        yaml_event_t event;
        int made = 0;
        switch (stored->type) {
        case YAML_STREAM_START_EVENT: made = yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING); break;
        case YAML_STREAM_END_EVENT: made = yaml_stream_end_event_initialize(&event); break;
        case YAML_DOCUMENT_START_EVENT: made = yaml_document_start_event_initialize(&event, NULL, NULL, NULL, stored->implicit); break;
        case YAML_DOCUMENT_END_EVENT: made = yaml_document_end_event_initialize(&event, 1); break;
        case YAML_SCALAR_EVENT:
            made = scalar_event(&event, stored);
            break;
        case YAML_SEQUENCE_START_EVENT:
            made = yaml_sequence_start_event_initialize(&event, NULL, (yaml_char_t *)stored->tag, stored->implicit,
                                                        (yaml_sequence_style_t)stored->style);
            break;
        case YAML_SEQUENCE_END_EVENT: made = yaml_sequence_end_event_initialize(&event); break;
        case YAML_MAPPING_START_EVENT:
            made = yaml_mapping_start_event_initialize(&event, NULL, (yaml_char_t *)stored->tag, stored->implicit,
                                                       (yaml_mapping_style_t)stored->style);
            break;
        case YAML_MAPPING_END_EVENT: made = yaml_mapping_end_event_initialize(&event); break;
        default: continue;
        }
        if (!made || !yaml_emitter_emit(&emitter, &event)) {
            fprintf(stderr, "libyaml_floor: libyaml refused event %zu: %s\n", index, emitter.problem ? emitter.problem : "?");
            exit(2);
        }
    }
    yaml_emitter_delete(&emitter);
}

int main(int argc, char **argv) {
    if (argc != 2) { fputs("usage: libyaml_floor TEMPLATE.yaml\n", stderr); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return 2;
    yaml_parser_set_input_file(&parser, file);
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "libyaml_floor: %s: %s\n", argv[1], parser.problem ? parser.problem : "parse error");
            return 2;
        }
        store(&event);
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    fclose(file);
    emit_events();
    fwrite(output, 1, output_length, stdout);
    fprintf(stderr, "events %zu, bytes %zu\n", event_count, output_length);
    return 0;
}
