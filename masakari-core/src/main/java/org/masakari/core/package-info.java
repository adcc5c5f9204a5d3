package org.masakari.core;
