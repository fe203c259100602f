# Writes OUT: a C++ file defining FUNCTION(), the numbered SQL migrations found in DIR, in
# file-name order. The numbers must run 1, 2, 3, … without a gap or a repeat: a store records the
# highest number it has applied, so a missing or doubled file would be skipped or run twice on
# some databases; the build stops instead.
file(GLOB files ${DIR}/*.sql)
list(SORT files)
set(body "// Generated from ${DIR}/*.sql; do not edit.\n#include \"store/migrations.h\"\n\nnamespace vakkaart::store {\n\nconst std::vector<Migration>& ${FUNCTION}() {\n  static const std::vector<Migration> all = {\n")
set(expected 1)
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  if(number STREQUAL "")
    message(FATAL_ERROR "${f}: a migration's file name starts with its number (0001_name.sql)")
  endif()
  math(EXPR number "${number} + 0")
  if(NOT number EQUAL expected)
    message(FATAL_ERROR "${f}: migration ${number} where ${expected} was expected: the numbers "
                        "of ${DIR} must run 1, 2, 3, ... without a gap or a repeat")
  endif()
  math(EXPR expected "${expected} + 1")
  file(READ ${f} sql)
  string(APPEND body "      {${number}, \"${name}\", R\"__sql__(${sql})__sql__\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n\n}  // namespace vakkaart::store\n")
file(WRITE ${OUT}.tmp "${body}")
configure_file(${OUT}.tmp ${OUT} COPYONLY)
