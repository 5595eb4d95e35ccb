# cmake -DMODULE_DIR=... -DPY_VERSION=3.11 -DINTERPRETERS=a;b -P write_pth.cmake
#
# Writes <user site-packages>/lovelorn.pth containing MODULE_DIR for every
# interpreter of version PY_VERSION (the module's ABI tag only loads there).
# Interpreters that share a user site (same X.Y) get the same file once.
foreach(py IN LISTS INTERPRETERS)
  execute_process(
    COMMAND ${py} -c "import site, sys; print('%d.%d' % sys.version_info[:2]); print(site.getusersitepackages() if site.ENABLE_USER_SITE else '')"
    OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    continue()
  endif()
  string(REPLACE "\n" ";" out "${out}")
  list(LENGTH out n)
  if(n LESS 2)
    message(STATUS "lovelorn: ${py} has no user site-packages; use PYTHONPATH=${MODULE_DIR}")
    continue()
  endif()
  list(GET out 0 version)
  list(GET out 1 site)
  if(NOT version STREQUAL PY_VERSION)
    message(STATUS "lovelorn: ${py} is Python ${version}, the module is built for ${PY_VERSION}; no .pth written")
    continue()
  endif()
  set(pth "${site}/lovelorn.pth")
  set(content "${MODULE_DIR}\n")
  set(old "")
  if(EXISTS "${pth}")
    file(READ "${pth}" old)
  endif()
  if(NOT old STREQUAL content)
    file(MAKE_DIRECTORY "${site}")
    file(WRITE "${pth}" "${content}")
    message(STATUS "lovelorn: wrote ${pth} -> ${MODULE_DIR}")
  endif()
endforeach()
