/**
 * The kit's domain words that both the store and the API use (the states and kinds of what a unit sees): the
 * repository maps them to columns, the views show them, and neither owns them.
 */
package cn.duban.sectorkit.domain;
