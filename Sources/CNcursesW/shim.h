// The C side of carbontop's terminal layer. Swift 6 cannot import C globals (not
// concurrency-safe) nor function-like macros, so each one used is wrapped here.
#ifndef CARBONTOP_CNCURSESW_SHIM_H
#define CARBONTOP_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <stdio.h>
#include <signal.h>
#include <poll.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/signalfd.h>

// ---- globals ----
/// newterm on the process's stdout/stdin (C globals Swift 6 will not touch); NULL when
/// the terminal type is unknown (unlike initscr, which exits).
static inline SCREEN *cn_newterm(const char *type) { return newterm(type, stdout, stdin); }
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_err(void) { return ERR; }
static inline int cn_ok(void) { return OK; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline void cn_set_escdelay(int ms) { set_escdelay(ms); }
static inline int cn_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cn_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }
static inline void cn_setlocale_all(void) { setlocale(LC_ALL, ""); }
static inline int cn_tigetnum(const char *cap) { return tigetnum(cap); }
/// True when this ncurses has the extended-colour calls (init_extended_pair).
static inline int cn_has_extended_colors(void) {
#if NCURSES_EXT_COLORS
  return 1;
#else
  return 0;
#endif
}

// ---- attributes ----
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_italic(void) {
#ifdef A_ITALIC
  return A_ITALIC;
#else
  return A_NORMAL;
#endif
}

// ---- key codes ----
static inline int cn_key_up(void) { return KEY_UP; }
static inline int cn_key_down(void) { return KEY_DOWN; }
static inline int cn_key_left(void) { return KEY_LEFT; }
static inline int cn_key_right(void) { return KEY_RIGHT; }
static inline int cn_key_sr(void) { return KEY_SR; }
static inline int cn_key_sf(void) { return KEY_SF; }
static inline int cn_key_sleft(void) { return KEY_SLEFT; }
static inline int cn_key_sright(void) { return KEY_SRIGHT; }
static inline int cn_key_home(void) { return KEY_HOME; }
static inline int cn_key_end(void) { return KEY_END; }
static inline int cn_key_a1(void) { return KEY_A1; }
static inline int cn_key_c1(void) { return KEY_C1; }
static inline int cn_key_a3(void) { return KEY_A3; }
static inline int cn_key_c3(void) { return KEY_C3; }
static inline int cn_key_b2(void) { return KEY_B2; }
static inline int cn_key_ppage(void) { return KEY_PPAGE; }
static inline int cn_key_npage(void) { return KEY_NPAGE; }
static inline int cn_key_enter(void) { return KEY_ENTER; }
static inline int cn_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cn_key_dc(void) { return KEY_DC; }
static inline int cn_key_btab(void) { return KEY_BTAB; }
static inline int cn_key_f0(void) { return KEY_F0; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }

// ---- mouse ----
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t cn_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t cn_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cn_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
  return BUTTON5_PRESSED;
#else
  return 0;
#endif
}
static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

#endif
