// Package reports turns GovDesk's records into files people use: the
// spreadsheets offices exchange (CSV and Excel, read and written in one place)
// and, through one typesetting layer, the printed notices. It knows nothing of
// the desktop UI, so the window and the command line share every job here.
package reports
